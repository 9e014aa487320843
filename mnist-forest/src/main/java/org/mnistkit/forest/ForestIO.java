package org.mnistkit.forest;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * Saves and loads forests in mnistkit's own binary format (no Java serialization). All numbers
 * are big-endian.
 *
 * <pre>
 * int    magic 0x4D4B5246 ("MKRF")
 * int    version (1)
 * int    n, p, k, numTrees
 * int[k] class labels
 * settings: int trees, int mtry (-1 = floor(sqrt(p))), int nodeSize, int maxDepth,
 *           double sampleFraction (NaN = default), byte replace, int threads, long seed,
 *           byte importance
 * int    mtry used, int sampleSize
 * long[numTrees] tree seeds
 * int[n] class index of each training row;  int[n * k] out-of-bag votes
 * double[p] MeanDecreaseGini; byte permutation computed; if 1: double[p] MeanDecreaseAccuracy,
 *           double[p] its standard error, double[k * p] per class, double[k * p] their errors
 * per tree: int numNodes, int[4 * numNodes] nodes (see Tree), int[numNodes] node counts
 * int    CRC-32 of all the bytes before it
 * </pre>
 *
 * <p>Loading checks the magic number, the version, the checksum and every size and index before
 * use, and fails with a {@link ForestFormatException} naming the file.
 */
final class ForestIO {

  static final int MAGIC = 0x4D4B5246;
  static final int VERSION = 1;

  private ForestIO() {}

  static void write(RandomForestModel m, Path file) throws IOException {
    CheckedOutputStream checked = new CheckedOutputStream(Files.newOutputStream(file), new CRC32());
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(checked, 1 << 16))) {
      int n = m.numRows();
      int p = m.numFeatures();
      int k = m.numClasses();
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      out.writeInt(n);
      out.writeInt(p);
      out.writeInt(k);
      out.writeInt(m.numTrees());
      writeInts(out, m.classes());
      RandomForest s = m.settings();
      out.writeInt(s.trees());
      out.writeInt(s.mtry().orElse(-1));
      out.writeInt(s.nodeSize());
      out.writeInt(s.maxDepth());
      out.writeDouble(s.sampleFraction().orElse(Double.NaN));
      out.writeBoolean(s.replace());
      out.writeInt(s.threads());
      out.writeLong(s.seed());
      out.writeBoolean(s.importance());
      out.writeInt(m.mtry());
      out.writeInt(m.sampleSize());
      for (long seed : m.treeSeeds()) {
        out.writeLong(seed);
      }
      writeInts(out, m.trainingClasses());
      writeInts(out, m.oobVoteCounts());
      Importance imp = m.importance();
      writeDoubles(out, imp.giniRaw());
      out.writeBoolean(imp.hasPermutation());
      if (imp.hasPermutation()) {
        writeDoubles(out, imp.accuracyRaw());
        writeDoubles(out, imp.accuracySdRaw());
        for (double[] row : imp.classAccuracyRaw()) {
          writeDoubles(out, row);
        }
        for (double[] row : imp.classAccuracySdRaw()) {
          writeDoubles(out, row);
        }
      }
      for (int t = 0; t < m.numTrees(); t++) {
        Tree tree = m.tree(t);
        out.writeInt(tree.numNodes());
        writeInts(out, tree.nodes());
        writeInts(out, tree.counts());
      }
      out.flush();
      int crc = (int) checked.getChecksum().getValue();
      out.writeInt(crc);
    }
  }

  private static void writeInts(DataOutputStream out, int[] values) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(4 * Math.min(values.length, 1 << 14));
    for (int from = 0; from < values.length; ) {
      int to = Math.min(values.length, from + (1 << 14));
      buf.clear();
      buf.asIntBuffer().put(values, from, to - from);
      ((OutputStream) out).write(buf.array(), 0, 4 * (to - from));
      from = to;
    }
  }

  private static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(8 * values.length);
    buf.asDoubleBuffer().put(values);
    out.write(buf.array());
  }

  static RandomForestModel read(Path file) throws IOException {
    long size = Files.size(file);
    if (size < 12) {
      throw new ForestFormatException(file, String.format(Locale.ROOT,
          "not a mnistkit forest file: %d bytes is too short for the header", size));
    }
    if (size > Integer.MAX_VALUE - 8) {
      throw new ForestFormatException(file, "too large for a forest file: " + size + " bytes");
    }
    byte[] bytes = Files.readAllBytes(file);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    int magic = in.getInt();
    if (magic != MAGIC) {
      throw new ForestFormatException(file, String.format(Locale.ROOT,
          "not a mnistkit forest file (magic number 0x%08X, expected 0x%08X)", magic, MAGIC));
    }
    int version = in.getInt();
    if (version != VERSION) {
      throw new ForestFormatException(file, String.format(Locale.ROOT,
          "forest file format version %d is not supported (this mnistkit reads version %d)",
          version, VERSION));
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 4);
    int stored = ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt();
    if (stored != (int) crc.getValue()) {
      throw new ForestFormatException(file, String.format(Locale.ROOT,
          "checksum mismatch (stored 0x%08X, computed 0x%08X): the file is truncated or corrupted",
          stored, (int) crc.getValue()));
    }
    try {
      return new Reader(file, in.limit(bytes.length - 4)).model();
    } catch (BufferUnderflowException | ArithmeticException e) {
      throw new ForestFormatException(file, "truncated: the sizes in the header need more bytes "
          + "than the file has");
    }
  }

  /** Parses the body after magic and version, checking every size and index. */
  private static final class Reader {
    private final Path file;
    private final ByteBuffer in;

    Reader(Path file, ByteBuffer in) {
      this.file = file;
      this.in = in;
    }

    RandomForestModel model() throws ForestFormatException {
      int n = positive("n (rows)", in.getInt(), 2);
      int p = positive("p (features)", in.getInt(), 1);
      int k = positive("k (classes)", in.getInt(), 1);
      int numTrees = positive("number of trees", in.getInt(), 1);
      ClassLabels classes;
      try {
        classes = ClassLabels.declared(ints(k, "class labels"));
      } catch (IllegalArgumentException e) {
        throw new ForestFormatException(file, e.getMessage());
      }
      RandomForest.Builder b = RandomForest.builder().trees(in.getInt());
      int mtrySetting = in.getInt();
      if (mtrySetting != -1) {
        b.mtry(mtrySetting);
      }
      b.nodeSize(in.getInt()).maxDepth(in.getInt());
      double fraction = in.getDouble();
      if (!Double.isNaN(fraction)) {
        b.sampleFraction(fraction);
      }
      b.replace(in.get() != 0).threads(in.getInt()).seed(in.getLong()).importance(in.get() != 0);
      RandomForest settings;
      try {
        settings = b.build();
      } catch (IllegalArgumentException e) {
        throw new ForestFormatException(file, "invalid settings: " + e.getMessage());
      }
      if (settings.trees() != numTrees) {
        throw new ForestFormatException(file, String.format(Locale.ROOT,
            "settings say %d trees but the file holds %d", settings.trees(), numTrees));
      }
      int mtry = in.getInt();
      int sampleSize = in.getInt();
      if (mtry < 1 || mtry > p || sampleSize < 1 || sampleSize > n) {
        throw new ForestFormatException(file, String.format(Locale.ROOT,
            "mtry %d must be in 1..%d and sampleSize %d in 1..%d", mtry, p, sampleSize, n));
      }
      need(8L * numTrees, "tree seeds");
      long[] seeds = new long[numTrees];
      in.asLongBuffer().get(seeds);
      in.position(in.position() + 8 * numTrees);
      int[] y = inRange(ints(n, "training classes"), 0, k - 1, "training class");
      int[] votes = inRange(ints(Math.multiplyExact(n, k), "OOB votes"), 0, numTrees, "OOB vote");
      double[] gini = doubles(p, "MeanDecreaseGini");
      Importance importance;
      if (in.get() != 0) {
        double[] acc = doubles(p, "MeanDecreaseAccuracy");
        double[] sd = doubles(p, "MeanDecreaseAccuracy SD");
        double[][] classAcc = new double[k][];
        double[][] classSd = new double[k][];
        for (int c = 0; c < k; c++) {
          classAcc[c] = doubles(p, "class importance");
        }
        for (int c = 0; c < k; c++) {
          classSd[c] = doubles(p, "class importance SD");
        }
        importance = new Importance(gini, acc, sd, classAcc, classSd);
      } else {
        importance = new Importance(gini, null, null, null, null);
      }
      Tree[] trees = new Tree[numTrees];
      for (int t = 0; t < numTrees; t++) {
        int numNodes = positive("number of nodes of tree " + t, in.getInt(), 1);
        int[] nodes = ints(Math.multiplyExact(numNodes, Tree.STRIDE), "tree " + t);
        int[] counts = inRange(ints(numNodes, "node counts"), 0, n, "node count");
        trees[t] = checkedTree(t, nodes, counts, p, k);
      }
      if (in.hasRemaining()) {
        throw new ForestFormatException(file, in.remaining() + " unexpected bytes after the last tree");
      }
      return new RandomForestModel(settings, mtry, sampleSize, n, p, classes, seeds, trees, y,
          votes, importance);
    }

    private Tree checkedTree(int t, int[] nodes, int[] counts, int p, int k)
        throws ForestFormatException {
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
          throw new ForestFormatException(file, String.format(Locale.ROOT,
              "tree %d, node %d is invalid (feature %d, left child %d, class %d)", t, i, f, left,
              cls));
        }
      }
      return new Tree(nodes, counts);
    }

    private int positive(String what, int value, int min) throws ForestFormatException {
      if (value < min) {
        throw new ForestFormatException(file, what + " is " + value + ", expected >= " + min);
      }
      return value;
    }

    private void need(long bytes, String what) throws ForestFormatException {
      if (bytes > in.remaining()) {
        throw new ForestFormatException(file, String.format(Locale.ROOT,
            "truncated: %s need %d bytes but only %d remain", what, bytes, in.remaining()));
      }
    }

    private int[] ints(int count, String what) throws ForestFormatException {
      need(4L * count, what);
      int[] out = new int[count];
      in.asIntBuffer().get(out);
      in.position(in.position() + 4 * count);
      return out;
    }

    private double[] doubles(int count, String what) throws ForestFormatException {
      need(8L * count, what);
      double[] out = new double[count];
      in.asDoubleBuffer().get(out);
      in.position(in.position() + 8 * count);
      return out;
    }

    private int[] inRange(int[] values, int min, int max, String what)
        throws ForestFormatException {
      for (int i = 0; i < values.length; i++) {
        if (values[i] < min || values[i] > max) {
          throw new ForestFormatException(file, String.format(Locale.ROOT,
              "%s at index %d is %d, expected %d..%d", what, i, values[i], min, max));
        }
      }
      return values;
    }
  }
}
