package org.mnistkit.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.mnistkit.core.model.Classifier;
import org.mnistkit.core.model.Embedding;
import org.mnistkit.core.model.FittedModel;
import org.mnistkit.core.tensor.FloatMatrix;

/**
 * Batch scoring on the executors with any saved mnistkit model, for the models that are not
 * trained on Spark: a {@link Classifier} (the dense network or convnet, {@code Sequential}; a
 * forest too) adds {@code probability} and {@code prediction} columns, an {@link Embedding}
 * (UMAP's {@code transform}, which places new rows into a fitted embedding; PCA) adds an {@code
 * embedding} column.
 *
 * <pre>{@code
 * Dataset<Row> scored = ModelScoring.classify(images, Path.of("mlp.mnistkit"), "features", 256);
 * Dataset<Row> placed = ModelScoring.embed(images, Path.of("mnist.umap"), "features", 1024);
 * }</pre>
 *
 * <p>A classifier's and PCA's results for a row do not depend on the other rows, so they equal
 * the local results row by row for any batch size. UMAP's {@code transform} moves all new rows of
 * one call in one SGD stream from the model's seed, so a row's coordinates depend on the rows it
 * is placed with: here they equal the local {@code transform} of the same batch (the partition's
 * rows, {@code batchSize} at a time, in order), and equal one local call on all rows when the
 * frame has one partition and batchSize is at least its row count.
 *
 * <p>The model file is read on the driver and loaded there once, so that a file this mnistkit
 * cannot read fails before any job. Its bytes are broadcast once; each executor JVM loads them
 * once (models are cached by the SHA-256 of their bytes) and every task applies the model to its
 * partition in batches of {@code batchSize} rows, one thread per task. The result is lazy, as any
 * Spark transformation. A network needs ND4J's native libraries on every executor: the
 * {@code nd4j-native} jar with the executors' platform classifier (for example {@code
 * linux-x86_64}) on the executor class path, as mnist-nn's dependencies bring it (ship it with
 * {@code spark-submit --packages} or in the application's jar), and a writable temporary
 * directory into which JavaCPP unpacks the libraries.
 */
public final class ModelScoring {

  /** The default name of the probability column, {@value}. */
  public static final String PROBABILITY = "probability";
  /** The default name of the prediction column, {@value}. */
  public static final String PREDICTION = "prediction";
  /** The default name of the embedding column, {@value}. */
  public static final String EMBEDDING = "embedding";

  private ModelScoring() {}

  /**
   * Adds {@code probability} (a vector, one value per class in {@link Classifier#classes()}
   * order) and {@code prediction} (double, the class label with the largest probability).
   *
   * @param frame rows with a features column of the model's {@link Classifier#numFeatures()}
   *     values
   * @param modelFile a saved classifier (a {@code Sequential}, a {@code RandomForestModel}, ...)
   * @param featuresCol the features column, an ml.linalg vector
   * @param batchSize rows per batch, at least 1
   * @return the rows with the two columns added
   * @throws IOException when the file cannot be read or is not a model this mnistkit can load
   * @throws IllegalArgumentException when the file holds no classifier, a column is missing,
   *     mistyped or would be overwritten, or batchSize &lt; 1
   */
  public static Dataset<Row> classify(Dataset<Row> frame, Path modelFile, String featuresCol,
      int batchSize) throws IOException {
    return classify(frame, ModelBytes.read(modelFile), featuresCol, batchSize);
  }

  /**
   * As {@link #classify(Dataset, Path, String, int)} with a model in memory.
   *
   * @param frame rows with a features column
   * @param model the classifier
   * @param featuresCol the features column, an ml.linalg vector
   * @param batchSize rows per batch, at least 1
   * @return the rows with the two columns added
   * @throws IOException when the model cannot be written to its bytes
   */
  public static Dataset<Row> classify(Dataset<Row> frame, Classifier model, String featuresCol,
      int batchSize) throws IOException {
    return classify(frame, ModelBytes.of(model), featuresCol, batchSize);
  }

  /**
   * Adds an {@code embedding} column (a vector of {@link Embedding#nComponents()} values).
   *
   * @param frame rows with a features column of the model's {@link Embedding#numFeatures()} values
   * @param modelFile a saved embedding (a {@code UmapModel}, a {@code PcaModel}, ...)
   * @param featuresCol the features column, an ml.linalg vector
   * @param batchSize rows per batch, at least 1
   * @return the rows with the column added
   * @throws IOException when the file cannot be read or is not a model this mnistkit can load
   * @throws IllegalArgumentException when the file holds no embedding, a column is missing,
   *     mistyped or would be overwritten, or batchSize &lt; 1
   */
  public static Dataset<Row> embed(Dataset<Row> frame, Path modelFile, String featuresCol,
      int batchSize) throws IOException {
    return embed(frame, ModelBytes.read(modelFile), featuresCol, batchSize);
  }

  /**
   * As {@link #embed(Dataset, Path, String, int)} with a model in memory.
   *
   * @param frame rows with a features column
   * @param model the embedding
   * @param featuresCol the features column, an ml.linalg vector
   * @param batchSize rows per batch, at least 1
   * @return the rows with the column added
   * @throws IOException when the model cannot be written to its bytes
   */
  public static Dataset<Row> embed(Dataset<Row> frame, Embedding model, String featuresCol,
      int batchSize) throws IOException {
    return embed(frame, ModelBytes.of(model), featuresCol, batchSize);
  }

  private static Dataset<Row> classify(Dataset<Row> frame, ModelBytes bytes, String featuresCol,
      int batchSize) {
    FittedModel m = bytes.model();
    if (!(m instanceof Classifier c)) {
      throw new IllegalArgumentException("the model is a " + m.getClass().getSimpleName()
          + ", not a Classifier; use embed for an Embedding");
    }
    StructType schema = checked(frame.schema(), featuresCol, batchSize, PROBABILITY, PREDICTION);
    StructType out = schema
        .add(new StructField(PROBABILITY, SQLDataTypes.VectorType(), false, Metadata.empty()))
        .add(new StructField(PREDICTION, DataTypes.DoubleType, false, Metadata.empty()));
    return apply(frame, bytes, featuresCol, batchSize, c.numFeatures(), true, out);
  }

  private static Dataset<Row> embed(Dataset<Row> frame, ModelBytes bytes, String featuresCol,
      int batchSize) {
    FittedModel m = bytes.model();
    if (!(m instanceof Embedding e)) {
      throw new IllegalArgumentException("the model is a " + m.getClass().getSimpleName()
          + ", not an Embedding; use classify for a Classifier");
    }
    StructType schema = checked(frame.schema(), featuresCol, batchSize, EMBEDDING);
    StructType out = schema
        .add(new StructField(EMBEDDING, SQLDataTypes.VectorType(), false, Metadata.empty()));
    return apply(frame, bytes, featuresCol, batchSize, e.numFeatures(), false, out);
  }

  private static StructType checked(StructType schema, String featuresCol, int batchSize,
      String... outputs) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
    }
    FrameChecks.requireVector(schema, featuresCol);
    for (String o : outputs) {
      FrameChecks.requireAbsent(schema, o);
    }
    return schema;
  }

  private static Dataset<Row> apply(Dataset<Row> frame, ModelBytes bytes, String featuresCol,
      int batchSize, int p, boolean classify, StructType out) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(frame.sparkSession().sparkContext());
    Broadcast<ModelBytes> shared = jsc.broadcast(bytes);
    int column = frame.schema().fieldIndex(featuresCol);
    JavaRDD<Row> rows = frame.toJavaRDD().mapPartitions(it -> new Batches(it,
        shared.value().model(), column, p, batchSize, classify, featuresCol));
    return frame.sparkSession().createDataFrame(rows, out);
  }

  /** Applies a model to a partition's rows, batch by batch, as they are consumed. */
  private static final class Batches implements Iterator<Row> {
    private final Iterator<Row> in;
    private final FittedModel model;
    private final int column;
    private final int p;
    private final int batchSize;
    private final boolean classify;
    private final String featuresCol;
    private final List<Row> ready = new ArrayList<>();
    private int next;

    Batches(Iterator<Row> in, FittedModel model, int column, int p, int batchSize,
        boolean classify, String featuresCol) {
      this.in = in;
      this.model = model;
      this.column = column;
      this.p = p;
      this.batchSize = batchSize;
      this.classify = classify;
      this.featuresCol = featuresCol;
    }

    @Override
    public boolean hasNext() {
      if (next < ready.size()) {
        return true;
      }
      ready.clear();
      next = 0;
      List<Row> batch = new ArrayList<>(batchSize);
      while (batch.size() < batchSize && in.hasNext()) {
        batch.add(in.next());
      }
      if (batch.isEmpty()) {
        return false;
      }
      float[] x = new float[Math.multiplyExact(batch.size(), p)];
      for (int i = 0; i < batch.size(); i++) {
        Vector v = (Vector) batch.get(i).get(column);
        if (v.size() != p) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "'%s' vectors must have %d values (the model's features) but one has %d",
              featuresCol, p, v.size()));
        }
        double[] d = v.toArray();
        for (int j = 0; j < p; j++) {
          x[i * p + j] = (float) d[j];
        }
      }
      FloatMatrix xm = FloatMatrix.wrap(batch.size(), p, x);
      if (classify) {
        Classifier c = (Classifier) model;
        FloatMatrix proba = c.predictProba(xm, 1);
        int[] classes = c.classes();
        int k = proba.cols();
        for (int i = 0; i < batch.size(); i++) {
          double[] pr = new double[k];
          int best = 0;
          for (int j = 0; j < k; j++) {
            pr[j] = proba.get(i, j);
            if (pr[j] > pr[best]) {
              best = j;
            }
          }
          ready.add(append(batch.get(i), Vectors.dense(pr), (double) classes[best]));
        }
      } else {
        FloatMatrix e = ((Embedding) model).transform(xm, 1);
        for (int i = 0; i < batch.size(); i++) {
          double[] v = new double[e.cols()];
          for (int j = 0; j < v.length; j++) {
            v[j] = e.get(i, j);
          }
          ready.add(append(batch.get(i), Vectors.dense(v)));
        }
      }
      return true;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new java.util.NoSuchElementException();
      }
      return ready.get(next++);
    }

    private static Row append(Row row, Object... values) {
      Object[] all = new Object[row.length() + values.length];
      for (int i = 0; i < row.length(); i++) {
        all[i] = row.get(i);
      }
      System.arraycopy(values, 0, all, row.length(), values.length);
      return RowFactory.create(all);
    }
  }
}
