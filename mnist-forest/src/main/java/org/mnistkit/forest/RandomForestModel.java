package org.mnistkit.forest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.mnistkit.core.concurrent.Workers;
import org.mnistkit.core.data.LabeledImages;
import org.mnistkit.core.metrics.ConfusionMatrix;
import org.mnistkit.core.tensor.FloatMatrix;

/**
 * A fitted random forest classifier: its trees, the settings, seed and data shape it was fitted
 * with, its out-of-bag error and its feature importance. Immutable and thread-safe. Made by
 * {@link RandomForest#fit} or {@link #load(Path)}.
 *
 * <p>Classes are the int labels given when fitting ({@link #classes()}); columns of
 * probabilities and rows of confusion matrices follow that order. Predictions are the class with
 * most tree votes, the first class in that order on ties (randomForest breaks ties at random).
 */
public final class RandomForestModel {

  private static final int BLOCK = 64; // rows per prediction task

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
  private final int[] oobPredicted; // class index, -1 when never out of bag
  private final int oobRows;
  private final int oobWrong;

  RandomForestModel(RandomForest settings, int mtry, int sampleSize, int numRows, int numFeatures,
      ClassLabels classes, long[] treeSeeds, Tree[] trees, int[] y, int[] oobVotes,
      Importance importance) {
    this.settings = settings;
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

  /** @return the settings the forest was fitted with (seed, trees, nodeSize, ...) */
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

  /** @return p, the number of features (columns) the forest expects */
  public int numFeatures() {
    return numFeatures;
  }

  /** @return k, the number of classes */
  public int numClasses() {
    return classes.size();
  }

  /** @return the class labels in class order (a copy) */
  public int[] classes() {
    return classes.labels();
  }

  /** @return the number of trees */
  public int numTrees() {
    return trees.length;
  }

  /**
   * @param x m x p rows to classify, finite values on the scale used for fitting
   * @return m predicted class labels
   * @throws IllegalArgumentException when x does not have p columns or has a NaN or infinite value
   */
  public int[] predict(FloatMatrix x) {
    int k = classes.size();
    int[] votes = votes(x);
    int[] out = new int[x.rows()];
    for (int i = 0; i < out.length; i++) {
      out[i] = classes.label(argmax(votes, i * k, k));
    }
    return out;
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
   * The share of trees voting for each class, like randomForest's {@code predict(type = "prob")}.
   *
   * @param x m x p rows, as {@link #predict(FloatMatrix)}
   * @return m x k, each row summing to 1, columns in {@link #classes()} order
   * @throws IllegalArgumentException as {@link #predict(FloatMatrix)}
   */
  public FloatMatrix predictProba(FloatMatrix x) {
    int[] votes = votes(x);
    float[] out = new float[votes.length];
    float t = trees.length;
    for (int i = 0; i < votes.length; i++) {
      out[i] = votes[i] / t;
    }
    return FloatMatrix.wrap(x.rows(), classes.size(), out);
  }

  /**
   * @param x m x p rows, as {@link #predict(FloatMatrix)}
   * @return the number of trees voting for each class: m x k, row-major, class order
   * @throws IllegalArgumentException as {@link #predict(FloatMatrix)}
   */
  public int[] votes(FloatMatrix x) {
    Objects.requireNonNull(x, "x");
    if (x.cols() != numFeatures) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "x has %d columns but the forest was fitted on %d; use rows with the same features",
          x.cols(), numFeatures));
    }
    x.requireFinite("x");
    int m = x.rows();
    int k = classes.size();
    int p = numFeatures;
    float[] data = x.data();
    int[] votes = new int[m * k];
    int blocks = (m + BLOCK - 1) / BLOCK;
    try (Workers pool = new Workers(settings.threads())) {
      pool.forEach(blocks, (w, b) -> {
        int from = b * BLOCK;
        int to = Math.min(m, from + BLOCK);
        int[] offsets = new int[8];
        int[] out = new int[8];
        for (Tree tree : trees) {
          int i = from;
          for (; i + 8 <= to; i += 8) {
            for (int j = 0; j < 8; j++) {
              offsets[j] = (i + j) * p;
            }
            tree.predict8(data, offsets, out);
            for (int j = 0; j < 8; j++) {
              votes[(i + j) * k + out[j]]++;
            }
          }
          for (; i < to; i++) {
            votes[i * k + tree.predict(data, i * p)]++;
          }
        }
      });
    }
    return votes;
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
   * @throws IllegalArgumentException as {@link #predict(FloatMatrix)}
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
   * Writes the forest in mnistkit's versioned binary format (see {@link ForestIO}).
   *
   * @param file the file to write; replaced if it exists
   * @throws IOException when writing fails
   */
  public void save(Path file) throws IOException {
    ForestIO.write(this, file);
  }

  /**
   * @param file a file written by {@link #save(Path)}
   * @return the forest
   * @throws ForestFormatException (an IOException) naming the file when it is not a forest file,
   *     has an unsupported version, is truncated or fails its checksum or size checks
   * @throws IOException when reading fails
   */
  public static RandomForestModel load(Path file) throws IOException {
    return ForestIO.read(file);
  }

  /** @return a summary in the layout of randomForest's print: type, trees, mtry, OOB error and confusion matrix */
  @Override
  public String toString() {
    return ForestPrinter.print(this);
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
