package org.mnistkit.forest;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.mnistkit.core.concurrent.Progress;
import org.mnistkit.core.concurrent.Workers;
import org.mnistkit.core.model.Provenance;
import org.mnistkit.core.tensor.FloatMatrix;

/**
 * Grows the trees of a forest in parallel and gathers what every tree contributes: out-of-bag
 * votes, Gini decreases and permutation counts. Per-tree results are kept per tree and summed in
 * tree order, so the model does not depend on the number of threads.
 */
final class ForestTrainer {

  private ForestTrainer() {}

  /**
   * The three generator seeds of a tree, derived from its seed: bootstrap, feature draws,
   * permutations.
   */
  static long[] streams(long treeSeed) {
    SplittableRandom r = new SplittableRandom(treeSeed);
    return new long[] {r.nextLong(), r.nextLong(), r.nextLong()};
  }

  /** @return the seed of every tree, drawn from the forest's seed */
  static long[] treeSeeds(long seed, int trees) {
    SplittableRandom master = new SplittableRandom(seed);
    long[] seeds = new long[trees];
    for (int t = 0; t < trees; t++) {
      seeds[t] = master.nextLong();
    }
    return seeds;
  }

  /** Everything one worker thread reuses from tree to tree. */
  private static final class Worker {
    final TreeGrower grower;
    final PermutationImportance permutation;
    final int[] oobVotes;
    final int[] oobRows;
    final int[] oobPred;
    final int[] offsets = new int[8];
    final byte[][] chunks8 = new byte[8][];
    final int[] out8 = new int[8];

    Worker(FeatureBins bins, float[] x, int[] y, int k, int mtry, RandomForest s) {
      int n = bins.rows();
      grower = new TreeGrower(bins, y, k, mtry, s.nodeSize(), s.maxDepth());
      permutation = s.importance() ? new PermutationImportance(x, bins, y, k) : null;
      oobVotes = new int[n * k];
      oobRows = new int[n];
      oobPred = new int[n];
    }
  }

  /**
   * Fits a forest; arguments were checked by {@link RandomForest}. The progress listener hears of
   * each tree the calling thread finishes (worker 0 of {@link Workers#forEach} is the caller),
   * with the count of all trees grown so far, and of the last tree once all are done.
   */
  static RandomForestModel fit(RandomForest settings, FloatMatrix x, int[] labels,
      ClassLabels classes, Progress progress) {
    return fit(settings, x, labels, classes, progress, FeatureBins.chunkShift(x.cols()));
  }

  /** As above with the codes in row chunks of 2^shift rows (tests use tiny chunks). */
  static RandomForestModel fit(RandomForest settings, FloatMatrix x, int[] labels,
      ClassLabels classes, Progress progress, int shift) {
    long start = System.nanoTime();
    int n = x.rows();
    int p = x.cols();
    int k = classes.size();
    int[] y = classes.encode(labels);
    int mtry = settings.mtryFor(p);
    int sampleSize = settings.sampleSize(n);
    int numTrees = settings.trees();
    long[] seeds = treeSeeds(settings.seed(), numTrees);
    float[] data = x.data();

    FeatureBins bins = FeatureBins.of(x, settings.threads(), shift);
    Tree[] trees = new Tree[numTrees];
    double[][] gini = new double[numTrees][];
    PermutationImportance.Result[] perm = new PermutationImportance.Result[numTrees];

    Worker[] workers;
    try (Workers pool = new Workers(settings.threads())) {
      workers = new Worker[pool.workersFor(numTrees)];
      AtomicInteger grown = new AtomicInteger();
      pool.forEach(numTrees, (w, t) -> {
        Worker worker = workers[w];
        if (worker == null) {
          worker = new Worker(bins, data, y, k, mtry, settings);
          workers[w] = worker;
        }
        long[] stream = streams(seeds[t]);
        int[] inBag = Bootstrap.inBagCounts(n, sampleSize, settings.replace(), stream[0]);
        double[] decrease = new double[p];
        Tree tree = worker.grower.grow(inBag, new SplittableRandom(stream[1]), decrease);
        int nOob = 0;
        for (int i = 0; i < n; i++) {
          if (inBag[i] == 0) {
            worker.oobRows[nOob++] = i;
          }
        }
        CodeTree codeTree = CodeTree.of(tree, bins);
        if (codeTree != null) {
          predictRows(codeTree, bins, worker.oobRows, nOob, worker.oobPred, worker.offsets,
              worker.chunks8, worker.out8);
        } else {
          predictRows(tree, data, p, worker.oobRows, nOob, worker.oobPred, worker.offsets,
              worker.out8);
        }
        for (int j = 0; j < nOob; j++) {
          worker.oobVotes[worker.oobRows[j] * k + worker.oobPred[j]]++;
        }
        if (worker.permutation != null) {
          perm[t] = worker.permutation.compute(tree, codeTree, worker.oobRows, worker.oobPred, nOob,
              new SplittableRandom(stream[2]));
        }
        trees[t] = tree;
        gini[t] = decrease;
        int done = grown.incrementAndGet();
        if (w == 0) {
          progress.update(done, numTrees);
        }
      });
    }
    progress.update(numTrees, numTrees);

    int[] oobVotes = new int[n * k];
    for (Worker worker : workers) {
      if (worker != null) {
        for (int i = 0; i < oobVotes.length; i++) {
          oobVotes[i] += worker.oobVotes[i];
        }
      }
    }
    Importance importance = settings.importance()
        ? reduce(gini, perm, p, k) : new Importance(meanGini(gini, p), null, null, null, null);
    Provenance provenance = Provenance.of(x, settings.provenanceSettings(p), settings.seed(),
        (System.nanoTime() - start) / 1e9);
    return new RandomForestModel(settings, mtry, sampleSize, n, p, classes, seeds, trees, y,
        oobVotes, importance, provenance);
  }

  /** Predicts rows[0..count) with tree into pred, 8 rows at a time. */
  static void predictRows(Tree tree, float[] data, int p, int[] rows, int count, int[] pred,
      int[] offsets, int[] out8) {
    int j = 0;
    for (; j + 8 <= count; j += 8) {
      for (int q = 0; q < 8; q++) {
        offsets[q] = rows[j + q] * p;
      }
      tree.predict8(data, offsets, out8);
      System.arraycopy(out8, 0, pred, j, 8);
    }
    for (; j < count; j++) {
      pred[j] = tree.predict(data, rows[j] * p);
    }
  }

  /**
   * As {@link #predictRows(Tree, float[], int, int[], int, int[], int[], int[])}, on the codes of
   * bins; chunks8 is scratch space of 8 entries.
   */
  static void predictRows(CodeTree tree, FeatureBins bins, int[] rows, int count, int[] pred,
      int[] offsets, byte[][] chunks8, int[] out8) {
    int j = 0;
    for (; j + 8 <= count; j += 8) {
      for (int q = 0; q < 8; q++) {
        chunks8[q] = bins.chunkOf(rows[j + q]);
        offsets[q] = bins.offsetOf(rows[j + q]);
      }
      tree.predict8(chunks8, offsets, out8);
      System.arraycopy(out8, 0, pred, j, 8);
    }
    for (; j < count; j++) {
      pred[j] = tree.predict(bins.chunkOf(rows[j]), bins.offsetOf(rows[j]));
    }
  }

  static double[] meanGini(double[][] gini, int p) {
    double[] mean = new double[p];
    for (double[] tree : gini) {
      for (int f = 0; f < p; f++) {
        mean[f] += tree[f];
      }
    }
    for (int f = 0; f < p; f++) {
      mean[f] /= gini.length;
    }
    return mean;
  }

  /** Sums per-tree permutation counts in tree order into randomForest's means and standard errors. */
  private static Importance reduce(double[][] gini, PermutationImportance.Result[] perm, int p,
      int k) {
    int trees = perm.length;
    double[][] sum = new double[k + 1][p]; // row 0: overall; row 1 + c: class c
    double[][] sumSq = new double[k + 1][p];
    for (PermutationImportance.Result r : perm) {
      int[] features = r.features();
      int[] diffs = r.diffs();
      for (int u = 0; u < features.length; u++) {
        int f = features[u];
        int at = u * (k + 1);
        if (r.nOut() > 0) {
          double d = (double) diffs[at] / r.nOut();
          sum[0][f] += d;
          sumSq[0][f] += d * d;
        }
        for (int c = 0; c < k; c++) {
          if (r.nOutClass()[c] > 0) {
            double d = (double) diffs[at + 1 + c] / r.nOutClass()[c];
            sum[1 + c][f] += d;
            sumSq[1 + c][f] += d * d;
          }
        }
      }
    }
    double[][] mean = new double[k + 1][p];
    double[][] se = new double[k + 1][p];
    for (int row = 0; row <= k; row++) {
      for (int f = 0; f < p; f++) {
        double av = sum[row][f] / trees;
        mean[row][f] = av;
        se[row][f] = Math.sqrt(Math.max(0.0, (sumSq[row][f] / trees - av * av) / trees));
      }
    }
    double[][] classMean = new double[k][];
    double[][] classSe = new double[k][];
    System.arraycopy(mean, 1, classMean, 0, k);
    System.arraycopy(se, 1, classSe, 0, k);
    return new Importance(meanGini(gini, p), mean[0], se[0], classMean, classSe);
  }
}
