package org.mnistkit.forest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.mnistkit.core.io.FileFormatException;
import org.mnistkit.core.io.ModelFormat;
import org.mnistkit.core.io.ModelReader;
import org.mnistkit.core.io.ModelWriter;
import org.mnistkit.core.model.Provenance;

/**
 * The forest's layout inside mnistkit's shared model file framing ({@link ModelWriter}: magic
 * "MKRF", layout version, kind name, provenance block, CRC-32; written atomically). Version 2, in
 * blocks, all numbers big-endian:
 *
 * <pre>
 * "settings":   int trees, int mtry (-1 = floor(sqrt(p))), int nodeSize, int maxDepth,
 *               double sampleFraction (NaN = default), byte replace, long seed, byte importance,
 *               int mtry used, int sampleSize
 * "classes":    int k, int[k] class labels
 * "training":   int n, int p, int[n] class index of each training row, int[n * k] out-of-bag votes
 * "importance": double[p] MeanDecreaseGini, byte permutation computed; if 1: double[p]
 *               MeanDecreaseAccuracy, double[p] its standard error, double[k * p] per class,
 *               double[k * p] their errors
 * "trees":      int numTrees (= trees), long[numTrees] tree seeds, then per tree: int numNodes,
 *               int[4 * numNodes] nodes (see {@link Tree}), int[numNodes] node counts
 * </pre>
 *
 * <p>Version 1 (the releases before the shared framing) held the same fields one after another,
 * without blocks or provenance, in this order: int n, p, k, numTrees, int[k] labels, the settings
 * with an int threads between replace and seed, mtry used, sampleSize, the tree seeds, the
 * training classes and votes, the importance and the trees. It is still read; its saved thread
 * count is ignored and its provenance comes from {@link Provenance#version1}.
 *
 * <p>Reading checks every size, index and setting before use (and {@link ModelReader} checks
 * sizes against the bytes left before allocating); any problem is a {@link FileFormatException}
 * naming the file.
 */
final class ForestFile {

  /** The forest's file kind and the layout version this build writes. */
  static final ModelFormat FORMAT = new ModelFormat("MKRF", "random forest", 2);

  private ForestFile() {}

  /**
   * @param m the forest
   * @param file the file to create or replace, atomically
   * @throws IOException when writing or moving fails; the target is then unchanged
   */
  static void write(RandomForestModel m, Path file) throws IOException {
    ModelWriter.write(file, FORMAT, m.provenance(), out -> writeBlocks(m, out));
  }

  /**
   * Writes the blocks of layout version 2, after the framing's header and provenance.
   *
   * @param m the forest
   * @param out the file being written
   * @throws IOException when writing fails
   */
  static void writeBlocks(RandomForestModel m, ModelWriter out) throws IOException {
    RandomForest s = m.settings();
    out.block("settings", o -> {
      o.writeInt(s.trees());
      o.writeInt(s.mtry().orElse(-1));
      o.writeInt(s.nodeSize());
      o.writeInt(s.maxDepth());
      o.writeDouble(s.sampleFraction().orElse(Double.NaN));
      o.writeBoolean(s.replace());
      o.writeLong(s.seed());
      o.writeBoolean(s.importance());
      o.writeInt(m.mtry());
      o.writeInt(m.sampleSize());
    });
    out.block("classes", o -> {
      o.writeInt(m.numClasses());
      o.writeInts(m.classes());
    });
    out.block("training", o -> {
      o.writeInt(m.numRows());
      o.writeInt(m.numFeatures());
      o.writeInts(m.trainingClasses());
      o.writeInts(m.oobVoteCounts());
    });
    out.block("importance", o -> {
      Importance imp = m.importance();
      o.writeDoubles(imp.giniRaw());
      o.writeBoolean(imp.hasPermutation());
      if (imp.hasPermutation()) {
        o.writeDoubles(imp.accuracyRaw());
        o.writeDoubles(imp.accuracySdRaw());
        for (double[] row : imp.classAccuracyRaw()) {
          o.writeDoubles(row);
        }
        for (double[] row : imp.classAccuracySdRaw()) {
          o.writeDoubles(row);
        }
      }
    });
    out.block("trees", o -> {
      o.writeInt(m.numTrees());
      o.writeLongs(m.treeSeeds());
      for (int t = 0; t < m.numTrees(); t++) {
        Tree tree = m.tree(t);
        o.writeInt(tree.numNodes());
        o.writeInts(tree.nodes());
        o.writeInts(tree.counts());
      }
    });
  }

  /**
   * @param file a forest file of layout version 1 or 2
   * @return the forest
   * @throws FileFormatException naming the file when it is not a valid forest file
   * @throws IOException when reading fails
   */
  static RandomForestModel read(Path file) throws IOException {
    try (ModelReader in = ModelReader.open(file, FORMAT)) {
      Fields f = new Fields(in);
      RandomForestModel model = in.version() == 1 ? f.version1() : f.version2();
      in.finish();
      return model;
    }
  }

  /** The fields of a forest file as they are read, each checked against those read before. */
  private static final class Fields {
    private final ModelReader in;
    private int n;
    private int p;
    private int k;
    private int numTrees;
    private ClassLabels classes;
    private RandomForest settings;
    private int mtry;
    private int sampleSize;
    private long[] seeds;
    private int[] y;
    private int[] votes;
    private Importance importance;
    private Tree[] trees;

    Fields(ModelReader in) {
      this.in = in;
    }

    RandomForestModel version1() throws IOException {
      n = in.readCount("n (rows)", 2, Integer.MAX_VALUE);
      p = in.readCount("p (features)", 1, Integer.MAX_VALUE);
      k = in.readCount("k (classes)", 1, Integer.MAX_VALUE);
      numTrees = in.readCount("number of trees", 1, Integer.MAX_VALUE);
      classes();
      settings(true);
      checkSampling();
      seeds = in.readLongs(numTrees, "tree seeds");
      training();
      importance();
      trees();
      return model(Provenance.version1(n, p, settings.provenanceSettings(p), settings.seed()));
    }

    RandomForestModel version2() throws IOException {
      in.block("settings", r -> {
        settings(false);
        return null;
      });
      numTrees = settings.trees();
      in.block("classes", r -> {
        k = in.readCount("k (classes)", 1, Integer.MAX_VALUE);
        classes();
        return null;
      });
      in.block("training", r -> {
        n = in.readCount("n (rows)", 2, Integer.MAX_VALUE);
        p = in.readCount("p (features)", 1, Integer.MAX_VALUE);
        checkSampling();
        training();
        return null;
      });
      in.block("importance", r -> {
        importance();
        return null;
      });
      in.block("trees", r -> {
        in.readCount("number of trees (as the settings say)", numTrees, numTrees);
        seeds = in.readLongs(numTrees, "tree seeds");
        trees();
        return null;
      });
      return model(in.provenance());
    }

    private RandomForestModel model(Provenance provenance) {
      return new RandomForestModel(settings, mtry, sampleSize, n, p, classes, seeds, trees, y,
          votes, importance, provenance);
    }

    private void classes() throws IOException {
      try {
        classes = ClassLabels.declared(in.readInts(k, "class labels"));
      } catch (IllegalArgumentException e) {
        throw in.fail(e.getMessage());
      }
    }

    /** The settings, then mtry used and sampleSize; version 1 has a thread count, ignored. */
    private void settings(boolean version1) throws IOException {
      RandomForest.Builder b = RandomForest.builder().trees(in.readInt());
      int mtrySetting = in.readInt();
      if (mtrySetting != -1) {
        b.mtry(mtrySetting);
      }
      b.nodeSize(in.readInt()).maxDepth(in.readInt());
      double fraction = in.readDouble();
      if (!Double.isNaN(fraction)) {
        b.sampleFraction(fraction);
      }
      b.replace(in.readBoolean("replace"));
      if (version1) {
        in.readInt(); // the saving machine's threads: a runtime setting, not restored
      }
      b.seed(in.readLong()).importance(in.readBoolean("importance"));
      try {
        settings = b.build();
      } catch (IllegalArgumentException e) {
        throw in.fail("invalid settings: " + e.getMessage());
      }
      if (version1 && settings.trees() != numTrees) {
        throw in.fail(String.format(Locale.ROOT, "settings say %d trees but the file holds %d",
            settings.trees(), numTrees));
      }
      mtry = in.readInt();
      sampleSize = in.readInt();
    }

    private void checkSampling() throws FileFormatException {
      if (mtry < 1 || mtry > p || sampleSize < 1 || sampleSize > n) {
        throw in.fail(String.format(Locale.ROOT,
            "mtry %d must be in 1..%d and sampleSize %d in 1..%d", mtry, p, sampleSize, n));
      }
    }

    private void training() throws IOException {
      y = in.readIndices(n, 0, k - 1, "training class");
      votes = in.readIndices(in.arrayLength(n, k, "OOB votes"), 0, numTrees, "OOB vote");
    }

    private void importance() throws IOException {
      double[] gini = in.readDoubles(p, "MeanDecreaseGini");
      if (!in.readBoolean("permutation importance computed")) {
        importance = new Importance(gini, null, null, null, null);
        return;
      }
      double[] acc = in.readDoubles(p, "MeanDecreaseAccuracy");
      double[] sd = in.readDoubles(p, "MeanDecreaseAccuracy SD");
      in.arrayLength(k, p, "class importance"); // checks k * p before allocating k rows
      double[][] classAcc = new double[k][];
      double[][] classSd = new double[k][];
      for (int c = 0; c < k; c++) {
        classAcc[c] = in.readDoubles(p, "class importance");
      }
      for (int c = 0; c < k; c++) {
        classSd[c] = in.readDoubles(p, "class importance SD");
      }
      importance = new Importance(gini, acc, sd, classAcc, classSd);
    }

    private void trees() throws IOException {
      trees = new Tree[numTrees];
      for (int t = 0; t < numTrees; t++) {
        int numNodes = in.readCount("number of nodes of tree " + t, 1, Integer.MAX_VALUE);
        int[] nodes = in.readInts(in.arrayLength(numNodes, Tree.STRIDE, "tree " + t), "tree " + t);
        int[] counts = in.readIndices(numNodes, 0, n, "node count");
        trees[t] = checkedTree(t, nodes, counts);
      }
    }

    private Tree checkedTree(int t, int[] nodes, int[] counts) throws FileFormatException {
      int numNodes = counts.length;
      for (int i = 0; i < numNodes; i++) {
        int at = i * Tree.STRIDE;
        int f = nodes[at];
        int left = nodes[at + 2];
        int cls = nodes[at + 3];
        boolean ok;
        if (cls >= 0) {
          ok = cls < k && f == 0 && nodes[at + 1] == Tree.LEAF_THRESHOLD && left == i;
        } else {
          ok = cls == -1 && f >= 0 && f < p && left > i && left < numNodes - 1
              && !Float.isNaN(Float.intBitsToFloat(nodes[at + 1]));
        }
        if (!ok) {
          throw in.fail(String.format(Locale.ROOT,
              "tree %d, node %d is invalid (feature %d, left child %d, class %d)", t, i, f, left,
              cls));
        }
      }
      return new Tree(nodes, counts);
    }
  }
}
