package org.mnistkit.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.classification.ProbabilisticClassificationModel;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.forest.RandomForestModel;

/**
 * A random forest fitted by {@link MnistRandomForestClassifier}, as a Spark ML {@code
 * Transformer}: {@code transform} adds {@code rawPrediction} (the number of trees voting for each
 * class 0..k-1), {@code probability} (the share of trees, {@link
 * RandomForestModel#predictProba}'s float values widened to double) and {@code prediction} (the
 * class with most votes, the lowest on ties, as {@link RandomForestModel#predictClasses}).
 *
 * <p>The forest travels with the Spark model as the bytes of mnistkit's own model file ({@link
 * RandomForestModel#save}), loaded once per executor JVM. {@code write().save(path)} writes
 * Spark ML's metadata (params) under {@code path/metadata} and the model file as {@code
 * path/data/forest.mnistkit}; {@link #load(String)} reads both, so the file is also a plain
 * mnistkit model ({@link RandomForestModel#load}).
 */
public final class MnistRandomForestClassificationModel
    extends ProbabilisticClassificationModel<Vector, MnistRandomForestClassificationModel>
    implements MLWritable {

  private static final long serialVersionUID = 1L;
  private static final String DATA = "data/forest.mnistkit";

  /** The stage's unique id. */
  private final String uid;
  /** The forest's model file bytes, loaded once per JVM. */
  private final ModelBytes bytes;
  /** p, the features the forest expects. */
  private final int numFeatures;
  /** k, the number of classes. */
  private final int numClasses;

  MnistRandomForestClassificationModel(String uid, ModelBytes bytes) {
    this(StageIds.stash(uid), bytes, true);
  }

  private MnistRandomForestClassificationModel(String uid, ModelBytes bytes, boolean stashed) {
    this.uid = uid; // see MnistRandomForestClassifier's constructor
    StageIds.clear();
    this.bytes = bytes;
    if (!(bytes.model() instanceof RandomForestModel forest)) {
      throw new IllegalArgumentException("the model file holds a "
          + bytes.model().getClass().getSimpleName() + ", not a RandomForestModel");
    }
    this.numFeatures = forest.numFeatures();
    this.numClasses = forest.numClasses();
    int[] classes = forest.classes();
    for (int c = 0; c < classes.length; c++) {
      if (classes[c] != c) {
        throw new IllegalArgumentException(
            "a Spark ML forest needs classes 0..k-1 in order, got " + java.util.Arrays.toString(
                classes));
      }
    }
  }

  /**
   * Wraps a forest fitted without Spark (classes must be 0..k-1), to score a DataFrame with it.
   *
   * @param forest the forest
   * @return the Spark ML model
   * @throws IOException when the forest cannot be written to its bytes
   * @throws IllegalArgumentException when its classes are not 0..k-1 in order
   */
  public static MnistRandomForestClassificationModel of(RandomForestModel forest)
      throws IOException {
    return new MnistRandomForestClassificationModel(
        org.apache.spark.ml.util.Identifiable.randomUID("mnistRfcModel"), ModelBytes.of(forest));
  }

  /** @return the stage's unique id */
  @Override
  public String uid() {
    return uid != null ? uid : StageIds.pending();
  }

  /** @return the fitted forest (loaded once per JVM) */
  public RandomForestModel forest() {
    return (RandomForestModel) bytes.model();
  }

  /** @return the number of classes k */
  @Override
  public int numClasses() {
    return numClasses;
  }

  /** @return the length p of the features vectors the forest expects */
  @Override
  public int numFeatures() {
    return numFeatures;
  }

  /**
   * Checks the features column (an ml.linalg vector) and the new columns, then adds them.
   *
   * @param schema the input schema
   * @return the output schema
   */
  @Override
  public StructType transformSchema(StructType schema) {
    FrameChecks.requireVector(schema, getFeaturesCol());
    for (String out : new String[] {getPredictionCol(), getProbabilityCol(),
        getRawPredictionCol()}) {
      if (!out.isEmpty()) {
        FrameChecks.requireAbsent(schema, out);
      }
    }
    return super.transformSchema(schema);
  }

  /**
   * Adds the prediction columns; checks the schema first, on the driver.
   *
   * @param dataset rows with the features column
   * @return the rows with rawPrediction, probability and prediction
   */
  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    return super.transform(dataset);
  }

  /**
   * @param features one row's features, length p
   * @return the number of trees voting for each class
   * @throws IllegalArgumentException when the length is not p
   */
  @Override
  public Vector predictRaw(Vector features) {
    if (features.size() != numFeatures) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "'%s' vectors must have %d values (the forest's features) but one has %d",
          getFeaturesCol(), numFeatures, features.size()));
    }
    double[] x = features.toArray();
    float[] row = new float[x.length];
    for (int j = 0; j < x.length; j++) {
      row[j] = (float) x[j];
    }
    int[] votes = forest().votes(FloatMatrix.wrap(1, row.length, row), 1);
    double[] raw = new double[votes.length];
    for (int c = 0; c < raw.length; c++) {
      raw[c] = votes[c];
    }
    return Vectors.dense(raw);
  }

  @Override
  public Vector raw2probabilityInPlace(Vector rawPrediction) {
    double[] v = ((DenseVector) rawPrediction).values();
    float trees = forest().numTrees();
    for (int c = 0; c < v.length; c++) {
      v[c] = (float) v[c] / trees;
    }
    return rawPrediction;
  }

  /**
   * Spark's summary support, as ProbabilisticClassificationModel has it; declared here because
   * Java sees that method and ClassificationModel's as two with one signature.
   *
   * @return (this model without the prediction and probability columns set, raw prediction
   *     column name, prediction column name)
   */
  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  public scala.Tuple3 findSummaryModel() {
    return super.findSummaryModel();
  }

  @Override
  public MnistRandomForestClassificationModel copy(ParamMap extra) {
    MnistRandomForestClassificationModel m = new MnistRandomForestClassificationModel(uid, bytes);
    return copyValues(m, extra).setParent(parent());
  }

  /** @return a writer of the params and the forest's model file */
  @Override
  public MLWriter write() {
    return new Writer(this);
  }

  /** @return the reader Spark ML persistence uses */
  public static MLReader<MnistRandomForestClassificationModel> read() {
    return new Reader();
  }

  /**
   * Loads a model saved with {@code write().save(path)}.
   *
   * @param path the directory
   * @return the model
   */
  public static MnistRandomForestClassificationModel load(String path) {
    return read().load(path);
  }

  private static final class Writer extends MLWriter {
    private final MnistRandomForestClassificationModel model;

    Writer(MnistRandomForestClassificationModel model) {
      this.model = model;
    }

    @Override
    public void saveImpl(String path) {
      DefaultParamsWriter.saveMetadata(model, path, sparkSession());
      Path file = new Path(path, DATA);
      try {
        FileSystem fs = file.getFileSystem(sc().hadoopConfiguration());
        try (OutputStream out = fs.create(file, true)) {
          out.write(model.bytes.bytes());
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + file, e);
      }
    }
  }

  private static final class Reader extends MLReader<MnistRandomForestClassificationModel> {
    @Override
    public MnistRandomForestClassificationModel load(String path) {
      DefaultParamsReader.Metadata meta = DefaultParamsReader.loadMetadata(path, sparkSession(),
          MnistRandomForestClassificationModel.class.getName());
      Path file = new Path(path, DATA);
      byte[] content;
      try {
        FileSystem fs = file.getFileSystem(sc().hadoopConfiguration());
        try (InputStream in = fs.open(file)) {
          content = in.readAllBytes();
        }
        MnistRandomForestClassificationModel model =
            new MnistRandomForestClassificationModel(meta.uid(), ModelBytes.ofBytes(content));
        meta.getAndSetParams(model, scala.Option.empty());
        return model;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the forest in " + file + ": "
            + e.getMessage(), e);
      }
    }
  }
}
