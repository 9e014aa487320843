package org.mnistkit.forest;

/**
 * One fitted classification tree stored as flat int arrays so that prediction walks one compact
 * array, without recursion or objects.
 *
 * <p>Node i occupies {@code nodes[4i .. 4i+3]}: the split feature, the split threshold as float
 * bits, the index of the left child (the right child is the next node), and the predicted class
 * index for a leaf or -1 for an internal node. A row goes left when
 * {@code x[feature] <= threshold}. A leaf is stored as a node that sends every row to itself
 * (feature 0, threshold +infinity, left child = itself), so that several rows can walk the tree
 * in lock step without branching on the node kind. Node 0 is the root; children always come after
 * their parent. {@code counts[i]} is the number of distinct in-bag training rows that reached
 * node i. Immutable once built.
 */
final class Tree {

  static final int STRIDE = 4;
  static final int LEAF_THRESHOLD = Float.floatToRawIntBits(Float.POSITIVE_INFINITY);

  private final int[] nodes;
  private final int[] counts;

  /**
   * @param nodes 4 ints per node, as described in the class comment; not copied
   * @param counts one count per node; not copied
   */
  Tree(int[] nodes, int[] counts) {
    this.nodes = nodes;
    this.counts = counts;
  }

  /** @return the number of nodes, at least 1 */
  int numNodes() {
    return counts.length;
  }

  /** @return the packed node array (not a copy; do not modify) */
  int[] nodes() {
    return nodes;
  }

  /** @return the per-node counts (not a copy; do not modify) */
  int[] counts() {
    return counts;
  }

  /** @return whether node i is a leaf */
  boolean isLeaf(int i) {
    return nodes[i * STRIDE + 3] >= 0;
  }

  /** @return the split feature of internal node i */
  int feature(int i) {
    return nodes[i * STRIDE];
  }

  /** @return the split threshold of internal node i: rows with x &lt;= threshold go left */
  float threshold(int i) {
    return Float.intBitsToFloat(nodes[i * STRIDE + 1]);
  }

  /** @return the index of the left child of internal node i; the right child is one more */
  int left(int i) {
    return nodes[i * STRIDE + 2];
  }

  /** @return the class index predicted by leaf i */
  int leafClass(int i) {
    return nodes[i * STRIDE + 3];
  }

  /** @return the number of distinct in-bag training rows that reached node i */
  int count(int i) {
    return counts[i];
  }

  /**
   * @param x row-major data
   * @param offset where the row starts in x
   * @return the class index this tree predicts for the row
   */
  int predict(float[] x, int offset) {
    int[] nd = nodes;
    int i = 0;
    while (nd[i + 3] < 0) {
      i = step(nd, i, x[offset + nd[i]]);
    }
    return nd[i + 3];
  }

  /**
   * Predicts 8 rows at once, walking them in lock step so that their memory accesses overlap.
   *
   * @param offsets where each of the 8 rows starts in x
   * @param out receives 8 class indices
   */
  void predict8(float[] x, int[] offsets, int[] out) {
    int[] nd = nodes;
    int o0 = offsets[0];
    int o1 = offsets[1];
    int o2 = offsets[2];
    int o3 = offsets[3];
    int o4 = offsets[4];
    int o5 = offsets[5];
    int o6 = offsets[6];
    int o7 = offsets[7];
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
      i0 = step(nd, i0, x[o0 + nd[i0]]);
      i1 = step(nd, i1, x[o1 + nd[i1]]);
      i2 = step(nd, i2, x[o2 + nd[i2]]);
      i3 = step(nd, i3, x[o3 + nd[i3]]);
      i4 = step(nd, i4, x[o4 + nd[i4]]);
      i5 = step(nd, i5, x[o5 + nd[i5]]);
      i6 = step(nd, i6, x[o6 + nd[i6]]);
      i7 = step(nd, i7, x[o7 + nd[i7]]);
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

  private static int step(int[] nd, int i, float v) {
    int left = nd[i + 2] * STRIDE;
    return v <= Float.intBitsToFloat(nd[i + 1]) ? left : left + STRIDE;
  }

  /**
   * Like {@link #predict(float[], int)} with the value of one feature replaced, starting the walk
   * at a node on the row's path (the path above it does not test that feature).
   *
   * @param node where to start: 0, or the first node of the row's path that tests feature
   * @param feature the feature whose value is replaced
   * @param value the value used for it
   */
  int predictWith(int node, float[] x, int offset, int feature, float value) {
    int[] nd = nodes;
    int i = node * STRIDE;
    while (nd[i + 3] < 0) {
      int f = nd[i];
      i = step(nd, i, f == feature ? value : x[offset + f]);
    }
    return nd[i + 3];
  }

  /**
   * Lists the features tested on the path of a row, each once, with the first node testing it
   * and whether a later node of the path tests it again.
   *
   * @param seen per-feature stamps; a feature f was already listed for this row when
   *     {@code seen[f] == stamp}
   * @param stamp a value unique to this row
   * @param where per-feature scratch: the position in the list of a feature listed for this row
   * @param features receives the features, from index 0
   * @param firstNodes receives for each listed feature {@code 2 * node + again}: the first node
   *     testing it, and 1 when another node of the path tests it too
   * @return how many features were listed
   */
  int path(float[] x, int offset, int[] seen, int stamp, int[] where, int[] features,
      int[] firstNodes) {
    int[] nd = nodes;
    int i = 0;
    int c = 0;
    while (nd[i + 3] < 0) {
      int f = nd[i];
      c = listFeature(f, i / STRIDE, seen, stamp, where, features, firstNodes, c);
      i = step(nd, i, x[offset + f]);
    }
    return c;
  }

  /**
   * One step of {@link #path} (and of {@link CodeTree#path}): lists feature f, tested at node,
   * unless it is listed already for this row, in which case it marks that it is tested again.
   *
   * @return the new number of listed features
   */
  static int listFeature(int f, int node, int[] seen, int stamp, int[] where, int[] features,
      int[] firstNodes, int c) {
    if (seen[f] != stamp) {
      seen[f] = stamp;
      where[f] = c;
      features[c] = f;
      firstNodes[c] = 2 * node;
      return c + 1;
    }
    firstNodes[where[f]] |= 1;
    return c;
  }
}
