package org.mnistkit.forest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.mnistkit.core.concurrent.Workers;
import org.mnistkit.core.data.LabeledImages;
import org.mnistkit.core.io.FileFormatException;
import org.mnistkit.core.metrics.ConfusionMatrix;
import org.mnistkit.core.model.Classifier;
import org.mnistkit.core.model.OnnxExportable;
import org.mnistkit.core.model.Provenance;
import org.mnistkit.core.tensor.FloatMatrix;

/**
 * A fitted random forest classifier: its trees, the settings, seed and data shape it was fitted
 * with, its out-of-bag error and its feature importance. Immutable and thread-safe. Made by
 * {@link RandomForest#fit} or {@link #load(Path)}.
 *
 * <p>It is a core {@link Classifier}: {@link #predictProba(FloatMatrix, int)} gives the share of
 * trees voting for each class (randomForest's {@code predict(type = "prob")}, scikit-learn's
 * {@code predict_proba}), {@link #predictClasses(FloatMatrix, int)} the majority vote, and
 * {@link #predict(FloatMatrix)} is the same majority vote under scikit-learn's name. Classes are
 * the int labels given when fitting ({@link #classes()}); columns of probabilities and rows of
 * confusion matrices follow that order. Predictions are the class with most tree votes, the first
 * class in that order on ties (randomForest breaks ties at random).
 *
 * <p>Thread counts are chosen by the caller when predicting (the methods without a {@code
 * threads} argument use {@link Workers#defaultThreads()}); they are not part of the model and are
 * neither saved nor restored. {@link #provenance()} says where the forest came from; {@link
 * #save} writes it in mnistkit's shared model file framing and {@link #exportOnnx} as an ONNX-ML
 * graph for other runtimes.
 */
public final class RandomForestModel implements Classifier, OnnxExportable {

  private final RandomForest settings;
  private final int mtry;
  private final int sampleSize;
  private final int numRows;
  private final int numFeatures;
  private final ClassLabels classes;
  private final long[] treeSeeds;
  private final Tree[] trees;
  private final int[] y;
  private final int[] oobVotes;
  private final Importance importance;
  private final Provenance provenance;
  private final int[] oobPredicted; // class index, -1 when never out of bag
  private final int oobRows;
  private final int oobWrong;

  RandomForestModel(RandomForest settings, int mtry, int sampleSize, int numRows, int numFeatures,
      ClassLabels classes, long[] treeSeeds, Tree[] trees, int[] y, int[] oobVotes,
      Importance importance, Provenance provenance) {
    // Threads are the caller's choice, not model state: a fitted and a loaded forest read alike.
    this.settings = settings.toBuilder().threads(Workers.defaultThreads()).build();
    this.mtry = mtry;
    this.sampleSize = sampleSize;
    this.numRows = numRows;
    this.numFeatures = numFeatures;
    this.classes = classes;
    this.treeSeeds = treeSeeds;
    this.trees = trees;
    this.y = y;
    this.oobVotes = oobVotes;
    this.importance = importance;
    this.provenance = Objects.requireNonNull(provenance, "provenance");
    int k = classes.size();
    this.oobPredicted = new int[numRows];
    int rows = 0;
    int wrong = 0;
    for (int i = 0; i < numRows; i++) {
      int best = argmax(oobVotes, i * k, k);
      oobPredicted[i] = oobVotes[i * k + best] > 0 ? best : -1;
      if (oobPredicted[i] >= 0) {
        rows++;
        wrong += oobPredicted[i] != y[i] ? 1 : 0;
      }
    }
    this.oobRows = rows;
    this.oobWrong = wrong;
  }

  /**
   * @return the settings the forest was fitted with (seed, trees, nodeSize, ...); their {@link
   *     RandomForest#threads()} reads {@link Workers#defaultThreads()}, since the thread count is
   *     not part of the model
   */
  public RandomForest settings() {
    return settings;
  }

  /** @return the seed the forest was fitted with */
  public long seed() {
    return settings.seed();
  }

  /** @return the number of features tried at each split, 1..p */
  public int mtry() {
    return mtry;
  }

  /** @return the number of rows drawn for each tree */
  public int sampleSize() {
    return sampleSize;
  }

  /** @return n, the number of training rows */
  public int numRows() {
    return numRows;
  }

  /** @return where the forest came from: versions, time, training data, settings, seed, fit time */
  @Override
  public Provenance provenance() {
    return provenance;
  }

  /** @return p, the number of features (columns) the forest expects */
  @Override
  public int numFeatures() {
    return numFeatures;
  }

  /** @return k, the number of classes */
  @Override
  public int numClasses() {
    return classes.size();
  }

  /** @return the class labels in class order (a copy) */
  @Override
  public int[] classes() {
    return classes.labels();
  }

  /** @return the number of trees */
  public int numTrees() {
    return trees.length;
  }

  /**
   * The majority vote of the trees, scikit-learn's {@code predict}; the same as {@link
   * #predictClasses(FloatMatrix)}.
   *
   * @param x m x p rows to classify, finite values on the scale used for fitting
   * @return m predicted class labels
   * @throws IllegalArgumentException when x does not have p columns or has a NaN or infinite value
   */
  public int[] predict(FloatMatrix x) {
    return predictClasses(x, Workers.defaultThreads());
  }

  /**
   * Predicts images scaled to [0, 1], for a forest fitted with {@link RandomForest#fit(LabeledImages)}.
   *
   * @param images images with p pixels each
   * @return one predicted label per image
   * @throws IllegalArgumentException when the images do not have p pixels
   */
  public int[] predict(LabeledImages images) {
    return predict(images.toScaledMatrix());
  }

  /**
   * The majority vote of the trees: the class with most votes, the first in {@link #classes()}
   * order on ties.
   *
   * @param x m x p rows, finite values on the scale used for fitting
   * @param threads the most threads to use, at least 1
   * @return m predicted class labels
   * @throws IllegalArgumentException when x does not have p columns or has a NaN or infinite
   *     value, or threads is below 1
   */
  @Override
  public int[] predictClasses(FloatMatrix x, int threads) {
    int k = classes.size();
    int[] votes = votes(x, threads);
    int[] out = new int[x.rows()];
    for (int i = 0; i < out.length; i++) {
      out[i] = classes.label(argmax(votes, i * k, k));
    }
    return out;
  }

  /**
   * The share of trees voting for each class, like randomForest's {@code predict(type = "prob")}:
   * votes divided by the number of trees, in float.
   *
   * @param x m x p rows, as {@link #predictClasses(FloatMatrix, int)}
   * @param threads the most threads to use, at least 1
   * @return m x k, each row summing to 1, columns in {@link #classes()} order
   * @throws IllegalArgumentException as {@link #predictClasses(FloatMatrix, int)}
   */
  @Override
  public FloatMatrix predictProba(FloatMatrix x, int threads) {
    int[] votes = votes(x, threads);
    float[] out = new float[votes.length];
    float t = trees.length;
    for (int i = 0; i < votes.length; i++) {
      out[i] = votes[i] / t;
    }
    return FloatMatrix.wrap(x.rows(), classes.size(), out);
  }

  /**
   * {@link #votes(FloatMatrix, int)} on all cores.
   *
   * @param x m x p rows
   * @return m x k vote counts
   * @throws IllegalArgumentException as {@link #predictClasses(FloatMatrix, int)}
   */
  public int[] votes(FloatMatrix x) {
    return votes(x, Workers.defaultThreads());
  }

  /**
   * @param x m x p rows, as {@link #predictClasses(FloatMatrix, int)}
   * @param threads the most threads to use, at least 1
   * @return the number of trees voting for each class: m x k, row-major, class order
   * @throws IllegalArgumentException as {@link #predictClasses(FloatMatrix, int)}
   */
  public int[] votes(FloatMatrix x, int threads) {
    Objects.requireNonNull(x, "x");
    if (x.cols() != numFeatures) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "x has %d columns but the forest was fitted on %d; use rows with the same features",
          x.cols(), numFeatures));
    }
    x.requireFinite("x");
    return Voting.votes(trees, x, classes.size(), threads);
  }

  /**
   * The out-of-bag error: the share of training rows misclassified by the vote of the trees for
   * which they were out of bag, over rows out of bag at least once.
   *
   * @return in [0, 1]; NaN when no row was ever out of bag
   */
  public double oobError() {
    return oobRows == 0 ? Double.NaN : (double) oobWrong / oobRows;
  }

  /**
   * @return the out-of-bag predictions against the truth, over rows out of bag at least once
   *     (rows are predictions and columns the truth, as core's ConfusionMatrix prints it)
   * @throws IllegalStateException when no row was ever out of bag
   */
  public ConfusionMatrix oobConfusionMatrix() {
    if (oobRows == 0) {
      throw new IllegalStateException("no training row was out of bag; sample without "
          + "replacement with sampleFraction < 1, or with replacement, to get an OOB estimate");
    }
    int[] truth = new int[oobRows];
    int[] predicted = new int[oobRows];
    int c = 0;
    for (int i = 0; i < numRows; i++) {
      if (oobPredicted[i] >= 0) {
        truth[c] = y[i];
        predicted[c] = oobPredicted[i];
        c++;
      }
    }
    return ConfusionMatrix.of(truth, predicted, classes.names());
  }

  /**
   * @return n x k: for each training row, the share of the trees it was out of bag for that voted
   *     for each class (randomForest's {@code votes}); a row never out of bag has zeros
   */
  public FloatMatrix oobVotes() {
    int k = classes.size();
    float[] out = new float[numRows * k];
    for (int i = 0; i < numRows; i++) {
      int total = 0;
      for (int c = 0; c < k; c++) {
        total += oobVotes[i * k + c];
      }
      for (int c = 0; c < k && total > 0; c++) {
        out[i * k + c] = (float) oobVotes[i * k + c] / total;
      }
    }
    return FloatMatrix.wrap(numRows, k, out);
  }

  /** @return the feature importance (MeanDecreaseGini always, MeanDecreaseAccuracy when fitted with importance) */
  public Importance importance() {
    return importance;
  }

  /**
   * Draws tree t's sample again from its seed, like randomForest's {@code keep.inbag = TRUE}.
   *
   * @param tree 0..numTrees-1
   * @return n counts: how many times each training row was drawn for the tree (0 = out of bag)
   * @throws IndexOutOfBoundsException when tree is out of range
   */
  public int[] inBagCounts(int tree) {
    Objects.checkIndex(tree, trees.length);
    return Bootstrap.inBagCounts(numRows, sampleSize, settings.replace(),
        ForestTrainer.streams(treeSeeds[tree])[0]);
  }

  /**
   * @param tree 0..numTrees-1
   * @param x m x p rows
   * @return the labels tree t alone predicts
   * @throws IllegalArgumentException as {@link #predictClasses(FloatMatrix, int)}
   * @throws IndexOutOfBoundsException when tree is out of range
   */
  public int[] predictTree(int tree, FloatMatrix x) {
    Objects.checkIndex(tree, trees.length);
    if (x.cols() != numFeatures) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "x has %d columns but the forest was fitted on %d", x.cols(), numFeatures));
    }
    x.requireFinite("x");
    int[] out = new int[x.rows()];
    for (int i = 0; i < out.length; i++) {
      out[i] = classes.label(trees[tree].predict(x.data(), i * numFeatures));
    }
    return out;
  }

  /**
   * @param tree 0..numTrees-1
   * @return the number of nodes of tree t (internal nodes and leaves)
   * @throws IndexOutOfBoundsException when tree is out of range
   */
  public int numNodes(int tree) {
    Objects.checkIndex(tree, trees.length);
    return trees[tree].numNodes();
  }

  /**
   * Saves the forest atomically in mnistkit's shared model file framing ({@code
   * org.mnistkit.core.io.ModelWriter}), format "MKRF" version 2: blocks "settings", "classes",
   * "training", "importance" and "trees" after the provenance. A save that fails half-way leaves
   * the file that was there untouched. Thread counts are not saved.
   *
   * @param file the file to create or replace; its folder is created when missing
   * @throws IOException when writing or moving the file fails
   */
  @Override
  public void save(Path file) throws IOException {
    ForestFile.write(this, file);
  }

  /**
   * Loads a forest saved by {@link #save(Path)}, or by an earlier release in format version 1
   * (whose saved thread count is ignored and whose provenance holds only the settings, seed and
   * data shape).
   *
   * @param file a forest file
   * @return the forest
   * @throws FileFormatException naming the file when it is not a forest file (naming the kind it
   *     holds when it is another mnistkit model), has an unsupported version, is truncated or
   *     fails its checksum, or a size, index or setting in it is out of range
   * @throws IOException when reading fails
   */
  public static RandomForestModel load(Path file) throws IOException {
    return ForestFile.read(file);
  }

  /**
   * Exports the forest as an ONNX-ML model, written atomically, that ONNX Runtime (or any ONNX
   * runtime with the {@code ai.onnx.ml} operators) runs with the same labels as {@link
   * #predictClasses} and the same probabilities as {@link #predictProba}.
   *
   * <p>The graph (opsets: default domain 13, {@code ai.onnx.ml} 3; IR version 8):
   * <ul>
   *   <li>input {@code "input"}: float tensor [N, p], rows of the p features scaled as the
   *       training data were: pixels divided by 255, in [0, 1], for a forest fitted on {@code
   *       LabeledImages.toScaledMatrix()} (as the walkthrough's); finite values;
   *   <li>output {@code "label"}: int64 tensor [N], the label of the class with most tree votes,
   *       the first in {@link #classes()} order on ties;
   *   <li>output {@code "probabilities"}: float tensor [N, k], the share of trees voting for each
   *       class, columns in {@link #classes()} order.
   * </ul>
   * Inside, a {@code TreeEnsembleClassifier} holds every tree with its float thresholds ({@code
   * BRANCH_LEQ}: a row goes left when {@code x[feature] <= threshold}, the trees' own rule) and one
   * vote per leaf; a {@code Div} by the number of trees gives the shares, an {@code ArgMax} with
   * a {@code Gather} of the class labels the label. The model's metadata holds {@link
   * #provenance()}'s entries.
   *
   * <p>Running it in Python: {@code label, proba =
   * onnxruntime.InferenceSession("forest.onnx").run(["label", "probabilities"], {"input":
   * x.astype(numpy.float32)})} with x of shape (N, 784) in [0, 1] for MNIST; in Java, ONNX
   * Runtime's {@code session.run(Map.of("input", OnnxTensor.createTensor(env,
   * FloatBuffer.wrap(x.data()), new long[] {n, p})))}.
   *
   * @param file the file to create or replace, such as {@code forest.onnx}; its folder is created
   *     when missing
   * @throws IOException when writing or moving the file fails; the target is then unchanged
   * @throws IllegalStateException when the forest has a single class (ONNX-ML's classifier needs
   *     two or more; fit with declared classes to get more)
   */
  @Override
  public void exportOnnx(Path file) throws IOException {
    ForestOnnx.write(this, file);
  }

  /**
   * @return a summary in the layout of randomForest's print (type, trees, mtry, OOB error and
   *     confusion matrix), followed by the provenance
   */
  @Override
  public String toString() {
    return ForestPrinter.print(this) + "\n" + provenance + "\n";
  }

  Tree tree(int t) {
    return trees[t];
  }

  long[] treeSeeds() {
    return treeSeeds;
  }

  ClassLabels classLabels() {
    return classes;
  }

  int[] trainingClasses() {
    return y;
  }

  int[] oobVoteCounts() {
    return oobVotes;
  }

  int[] oobPredictedIndex() {
    return oobPredicted;
  }

  static int argmax(int[] v, int from, int k) {
    int best = 0;
    for (int c = 1; c < k; c++) {
      if (v[from + c] > v[from + best]) {
        best = c;
      }
    }
    return best;
  }
}
