package org.mnistkit.forest;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Grows one CART classification tree on an in-bag sample, depth first with an explicit stack (no
 * recursion, so depth is limited only by memory), reusing its buffers from tree to tree. One
 * instance per worker thread.
 *
 * <p>A node becomes a leaf when it holds at most nodeSize distinct rows, when all its rows have
 * one class, when it is at maxDepth, or when all mtry features drawn for it are constant within
 * it. Otherwise it is split on the best of the mtry features, drawn without replacement
 * (randomForest's rule: a split is made even when its Gini decrease is 0, as long as one drawn
 * feature varies). A leaf predicts the class with the largest weighted count, the lowest class
 * index on ties.
 *
 * <p>A feature found constant in a node is constant in all its descendants; the grower remembers
 * such features per pending node (a bit set per stack entry) and does not scan them again when
 * they are drawn (they still count among the mtry draws, as in randomForest). Features with a
 * single value in the whole training set start out in that set. This changes nothing but speed.
 */
final class TreeGrower {

  private final FeatureBins bins;
  private final int[] y;
  private final int n;
  private final int p;
  private final int k;
  private final int mtry;
  private final int nodeSize;
  private final int maxDepth;

  private final int[] rows;
  private final int[] cls;
  private final int[] wts;
  private final int[] tmpRows;
  private final int[] tmpCls;
  private final int[] tmpWts;
  private final int[] featurePool;
  private final int[] drawn;
  private final long[] counts;
  private final SplitFinder finder;

  private int[] stack = new int[4 * 64]; // (start, end, depth, node) per entry
  private long[] constantStack; // per stack entry: features known to be constant in the node
  private final long[] constant; // the same for the node being handled
  private final long[] globallyConstant;
  private final int words;
  private int[] nodes = new int[Tree.STRIDE * 256];
  private int[] nodeCounts = new int[256];
  private int numNodes;

  /**
   * @param bins the recoded training data
   * @param y the class index of every training row, 0..k-1
   * @param k the number of classes
   * @param mtry features drawn per node, 1..p
   * @param nodeSize nodes with at most this many distinct rows are not split
   * @param maxDepth nodes at this depth are not split (the root has depth 0)
   */
  TreeGrower(FeatureBins bins, int[] y, int k, int mtry, int nodeSize, int maxDepth) {
    this.bins = bins;
    this.y = y;
    this.n = bins.rows();
    this.p = bins.cols();
    this.k = k;
    this.mtry = mtry;
    this.nodeSize = nodeSize;
    this.maxDepth = maxDepth;
    this.rows = new int[n];
    this.cls = new int[n];
    this.wts = new int[n];
    this.tmpRows = new int[n];
    this.tmpCls = new int[n];
    this.tmpWts = new int[n];
    this.featurePool = new int[p];
    this.drawn = new int[mtry];
    this.counts = new long[k];
    this.finder = new SplitFinder(bins, k, mtry, rows, cls, wts);
    this.words = (p + 63) >>> 6;
    this.constantStack = new long[64 * words];
    this.constant = new long[words];
    this.globallyConstant = new long[words];
    for (int f = 0; f < p; f++) {
      if (bins.numBins(f) == 1) {
        globallyConstant[f >>> 6] |= 1L << f;
      }
    }
  }

  /**
   * @param inBag n in-bag counts (0 = out of bag), at least one positive
   * @param random the tree's generator for drawing features
   * @param giniDecrease p entries; the Gini decrease of every split is added to its feature
   * @return the tree
   */
  Tree grow(int[] inBag, SplittableRandom random, double[] giniDecrease) {
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (inBag[i] > 0) {
        rows[m] = i;
        cls[m] = y[i];
        wts[m] = inBag[i];
        m++;
      }
    }
    for (int f = 0; f < p; f++) {
      featurePool[f] = f;
    }
    numNodes = 0;
    int root = newNode();
    System.arraycopy(globallyConstant, 0, constant, 0, words);
    int top = push(0, 0, m, 0, root);
    while (top > 0) {
      top--;
      System.arraycopy(constantStack, top * words, constant, 0, words);
      int base = 4 * top;
      int s = stack[base];
      int e = stack[base + 1];
      int depth = stack[base + 2];
      int node = stack[base + 3];
      top = splitOrLeaf(s, e, depth, node, random, giniDecrease, top);
    }
    return new Tree(Arrays.copyOf(nodes, numNodes * Tree.STRIDE),
        Arrays.copyOf(nodeCounts, numNodes));
  }

  /** Handles one node; returns the new stack size. */
  private int splitOrLeaf(int s, int e, int depth, int node, SplittableRandom random,
      double[] giniDecrease, int top) {
    Arrays.fill(counts, 0L);
    for (int i = s; i < e; i++) {
      counts[cls[i]] += wts[i];
    }
    long total = 0;
    long sum2 = 0;
    int present = 0;
    int majority = 0;
    for (int c = 0; c < k; c++) {
      long v = counts[c];
      total += v;
      sum2 += v * v;
      if (v > 0) {
        present++;
      }
      if (v > counts[majority]) {
        majority = c;
      }
    }
    int distinct = e - s;
    int at = node * Tree.STRIDE;
    nodeCounts[node] = distinct;
    if (distinct <= nodeSize || present <= 1 || depth >= maxDepth) {
      makeLeaf(node, majority);
      return top;
    }
    // Draw mtry features; those already known to be constant in this node need no scan.
    int last = p - 1;
    int nf = 0;
    for (int t = 0; t < mtry; t++) {
      int j = random.nextInt(last + 1);
      int f = featurePool[j];
      featurePool[j] = featurePool[last];
      featurePool[last] = f;
      last--;
      if ((constant[f >>> 6] & (1L << f)) == 0) {
        drawn[nf++] = f;
      }
    }
    Arrays.sort(drawn, 0, nf);
    int column = nf == 0 ? -1 : finder.find(drawn, nf, s, e, counts, sum2, total);
    for (int j = 0; j < nf; j++) {
      if (finder.wasConstant(j)) {
        constant[drawn[j] >>> 6] |= 1L << drawn[j];
      }
    }
    if (column < 0) {
      makeLeaf(node, majority);
      return top;
    }
    int f = drawn[column];
    giniDecrease[f] += finder.bestCrit() - (double) sum2 / total;
    int leftCode = finder.bestLeftCode();
    int mid = partition(f, column, leftCode, s, e);
    if (mid == s || mid == e) { // cannot happen: both codes of the split occur in the node
      throw new IllegalStateException("split on feature " + f + " sent all rows of a node one way");
    }
    int leftNode = newNode();
    int rightNode = newNode();
    at = node * Tree.STRIDE; // nodes may have been reallocated
    nodes[at] = f;
    nodes[at + 1] = Float.floatToRawIntBits(bins.threshold(f, leftCode, finder.bestRightCode()));
    nodes[at + 2] = leftNode;
    nodes[at + 3] = -1;
    top = push(top, mid, e, depth + 1, rightNode);
    return push(top, s, mid, depth + 1, leftNode);
  }

  private void makeLeaf(int node, int cls) {
    int at = node * Tree.STRIDE;
    nodes[at] = 0;
    nodes[at + 1] = Tree.LEAF_THRESHOLD;
    nodes[at + 2] = node;
    nodes[at + 3] = cls;
  }

  /**
   * Stable partition of entries s..e-1 by the feature at {@code column} of the last split
   * search: codes &lt;= leftCode first; returns where the right part starts.
   */
  private int partition(int f, int column, int leftCode, int s, int e) {
    int l = s;
    int r = 0;
    for (int i = s; i < e; i++) {
      int row = rows[i];
      if (finder.code(f, column, i, s) <= leftCode) {
        rows[l] = row;
        cls[l] = cls[i];
        wts[l] = wts[i];
        l++;
      } else {
        tmpRows[r] = row;
        tmpCls[r] = cls[i];
        tmpWts[r] = wts[i];
        r++;
      }
    }
    System.arraycopy(tmpRows, 0, rows, l, r);
    System.arraycopy(tmpCls, 0, cls, l, r);
    System.arraycopy(tmpWts, 0, wts, l, r);
    return l;
  }

  private int newNode() {
    if (numNodes + 1 > nodeCounts.length) {
      nodes = Arrays.copyOf(nodes, nodes.length * 2);
      nodeCounts = Arrays.copyOf(nodeCounts, nodeCounts.length * 2);
    }
    return numNodes++;
  }

  private int push(int top, int s, int e, int depth, int node) {
    if (4 * (top + 1) > stack.length) {
      stack = Arrays.copyOf(stack, stack.length * 2);
      constantStack = Arrays.copyOf(constantStack, constantStack.length * 2);
    }
    System.arraycopy(constant, 0, constantStack, top * words, words);
    int base = 4 * top;
    stack[base] = s;
    stack[base + 1] = e;
    stack[base + 2] = depth;
    stack[base + 3] = node;
    return top + 1;
  }
}
