package org.mnistkit.forest;

/**
 * A training-time view of a tree that walks the byte codes of the training rows instead of their
 * float values: each split threshold is turned into the largest code whose value is at or below
 * it. This is exact only when every split feature has one code per distinct value, so
 * {@link #of} returns null otherwise. Used for out-of-bag predictions and permutation importance,
 * where reading the compact row-major codes touches a quarter of the memory that the float rows
 * would. Shares the tree's node array; immutable.
 */
final class CodeTree {

  private static final int STRIDE = Tree.STRIDE;

  private final int[] nodes;
  private final int[] codeThreshold; // per node; 255 for leaves, so that they keep every row

  private CodeTree(int[] nodes, int[] codeThreshold) {
    this.nodes = nodes;
    this.codeThreshold = codeThreshold;
  }

  /**
   * @param tree a tree grown on bins
   * @param bins the codes it was grown on
   * @return the code view, or null when a split feature was binned by quantiles
   */
  static CodeTree of(Tree tree, FeatureBins bins) {
    return of(tree, bins, false);
  }

  /**
   * @param tree a tree grown on bins
   * @param bins the codes it was grown on
   * @param approximate whether a split on a feature binned by quantiles is allowed: a code whose
   *     training values straddle its threshold then goes right, so the view may disagree with the
   *     tree on the values of such a code (never on the in-bag rows the tree was grown on)
   * @return the code view, or null when a split feature was binned by quantiles and approximate
   *     is false
   */
  static CodeTree of(Tree tree, FeatureBins bins, boolean approximate) {
    int[] thresholds = new int[tree.numNodes()];
    for (int i = 0; i < tree.numNodes(); i++) {
      if (tree.isLeaf(i)) {
        thresholds[i] = FeatureBins.MAX_BINS - 1;
      } else {
        int f = tree.feature(i);
        if (!approximate && !bins.isExact(f)) {
          return null;
        }
        thresholds[i] = bins.codeAtOrBelow(f, tree.threshold(i));
      }
    }
    return new CodeTree(tree.nodes(), thresholds);
  }

  /** @return the largest code of node i's feature that goes left (255 for a leaf) */
  int codeThreshold(int i) {
    return codeThreshold[i];
  }

  private int step(int i, int code) {
    int left = nodes[i + 2] * STRIDE;
    return code <= codeThreshold[i / STRIDE] ? left : left + STRIDE;
  }

  /**
   * @param rowCodes row-major codes
   * @param offset where the row starts
   * @return the class index the tree predicts for the row
   */
  int predict(byte[] rowCodes, int offset) {
    int[] nd = nodes;
    int i = 0;
    while (nd[i + 3] < 0) {
      i = step(i, rowCodes[offset + nd[i]] & 0xFF);
    }
    return nd[i + 3];
  }

  /**
   * Predicts 8 rows in lock step (see {@link Tree#predict8}).
   *
   * @param chunks the row-major codes holding each row
   * @param offsets where each row starts in its chunk
   * @param out receives 8 class indices
   */
  void predict8(byte[][] chunks, int[] offsets, int[] out) {
    int[] nd = nodes;
    byte[] c0 = chunks[0];
    byte[] c1 = chunks[1];
    byte[] c2 = chunks[2];
    byte[] c3 = chunks[3];
    byte[] c4 = chunks[4];
    byte[] c5 = chunks[5];
    byte[] c6 = chunks[6];
    byte[] c7 = chunks[7];
    int i0 = 0;
    int i1 = 0;
    int i2 = 0;
    int i3 = 0;
    int i4 = 0;
    int i5 = 0;
    int i6 = 0;
    int i7 = 0;
    while ((nd[i0 + 3] | nd[i1 + 3] | nd[i2 + 3] | nd[i3 + 3] | nd[i4 + 3] | nd[i5 + 3]
        | nd[i6 + 3] | nd[i7 + 3]) < 0) {
      i0 = step(i0, c0[offsets[0] + nd[i0]] & 0xFF);
      i1 = step(i1, c1[offsets[1] + nd[i1]] & 0xFF);
      i2 = step(i2, c2[offsets[2] + nd[i2]] & 0xFF);
      i3 = step(i3, c3[offsets[3] + nd[i3]] & 0xFF);
      i4 = step(i4, c4[offsets[4] + nd[i4]] & 0xFF);
      i5 = step(i5, c5[offsets[5] + nd[i5]] & 0xFF);
      i6 = step(i6, c6[offsets[6] + nd[i6]] & 0xFF);
      i7 = step(i7, c7[offsets[7] + nd[i7]] & 0xFF);
    }
    out[0] = nd[i0 + 3];
    out[1] = nd[i1 + 3];
    out[2] = nd[i2 + 3];
    out[3] = nd[i3 + 3];
    out[4] = nd[i4 + 3];
    out[5] = nd[i5 + 3];
    out[6] = nd[i6 + 3];
    out[7] = nd[i7 + 3];
  }

  /** As {@link Tree#predictWith}, with the replaced feature given by its code. */
  int predictWith(int node, byte[] rowCodes, int offset, int feature, int code) {
    int[] nd = nodes;
    int i = node * STRIDE;
    while (nd[i + 3] < 0) {
      int f = nd[i];
      i = step(i, f == feature ? code : rowCodes[offset + f] & 0xFF);
    }
    return nd[i + 3];
  }

  /** As {@link Tree#path}, walking the codes. */
  int path(byte[] rowCodes, int offset, int[] seen, int stamp, int[] where, int[] features,
      int[] firstNodes) {
    int[] nd = nodes;
    int i = 0;
    int c = 0;
    while (nd[i + 3] < 0) {
      int f = nd[i];
      c = Tree.listFeature(f, i / STRIDE, seen, stamp, where, features, firstNodes, c);
      i = step(i, rowCodes[offset + f] & 0xFF);
    }
    return c;
  }
}
