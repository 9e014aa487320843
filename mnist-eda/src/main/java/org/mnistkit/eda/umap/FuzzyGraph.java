package org.mnistkit.eda.umap;

import java.util.Arrays;
import org.mnistkit.eda.svd.LinearOperator;

/**
 * UMAP's fuzzy simplicial set as a symmetric sparse matrix in compressed rows (row i holds its
 * neighbours j in increasing order with weight w_ij = w_ji &gt; 0, no diagonal). Built from the
 * directed membership strengths P of the smooth kNN step by the fuzzy set union
 * {@code mix * (P + P^T - P o P^T) + (1 - mix) * (P o P^T)} (uwot's {@code fuzzy_set_union},
 * umap-learn's {@code fuzzy_simplicial_set}; mix is setOpMixRatio, 1 = pure union). Immutable.
 */
final class FuzzyGraph {

  final int n;
  final int[] rowStart;
  final int[] cols;
  final double[] weights;

  /** Takes the arrays without copying; callers check them (see {@code UmapIO}). */
  FuzzyGraph(int n, int[] rowStart, int[] cols, double[] weights) {
    this.n = n;
    this.rowStart = rowStart;
    this.cols = cols;
    this.weights = weights;
  }

  /**
   * @param idx n * k neighbour indices (row-major; entries equal to the row itself are skipped)
   * @param w n * k membership strengths parallel to idx
   * @param n number of points
   * @param k neighbours per row
   * @param mix setOpMixRatio in [0, 1]
   */
  static FuzzyGraph union(int[] idx, double[] w, int n, int k, double mix) {
    // P in compressed rows, columns sorted; duplicates within a row keep the larger strength
    int[] pStart = new int[n + 1];
    int[] pCol = new int[n * k];
    double[] pVal = new double[n * k];
    int nnz = 0;
    long[] keys = new long[k];
    for (int i = 0; i < n; i++) {
      pStart[i] = nnz;
      int m = 0;
      for (int r = 0; r < k; r++) {
        int j = idx[i * k + r];
        if (j != i && j >= 0) {
          keys[m++] = ((long) j << 32) | r;
        }
      }
      Arrays.sort(keys, 0, m);
      for (int t = 0; t < m; t++) {
        int j = (int) (keys[t] >>> 32);
        double v = w[i * k + (int) (keys[t] & 0xFFFFFFFFL)];
        if (nnz > pStart[i] && pCol[nnz - 1] == j) {
          pVal[nnz - 1] = Math.max(pVal[nnz - 1], v);
        } else {
          pCol[nnz] = j;
          pVal[nnz] = v;
          nnz++;
        }
      }
    }
    pStart[n] = nnz;
    // P^T by counting; rows come out with increasing columns
    int[] tStart = new int[n + 1];
    for (int e = 0; e < nnz; e++) {
      tStart[pCol[e] + 1]++;
    }
    for (int i = 0; i < n; i++) {
      tStart[i + 1] += tStart[i];
    }
    int[] tCol = new int[nnz];
    double[] tVal = new double[nnz];
    int[] fill = Arrays.copyOf(tStart, n);
    for (int i = 0; i < n; i++) {
      for (int e = pStart[i]; e < pStart[i + 1]; e++) {
        int j = pCol[e];
        tCol[fill[j]] = i;
        tVal[fill[j]] = pVal[e];
        fill[j]++;
      }
    }
    // merge row i of P and of P^T
    int[] start = new int[n + 1];
    int[] cols = new int[2 * nnz];
    double[] vals = new double[2 * nnz];
    int out = 0;
    for (int i = 0; i < n; i++) {
      start[i] = out;
      int a = pStart[i];
      int aEnd = pStart[i + 1];
      int b = tStart[i];
      int bEnd = tStart[i + 1];
      while (a < aEnd || b < bEnd) {
        int ca = a < aEnd ? pCol[a] : Integer.MAX_VALUE;
        int cb = b < bEnd ? tCol[b] : Integer.MAX_VALUE;
        int c = Math.min(ca, cb);
        double x = ca == c ? pVal[a++] : 0.0;
        double y = cb == c ? tVal[b++] : 0.0;
        double prod = x * y;
        double v = mix * (x + y - prod) + (1.0 - mix) * prod;
        if (v > 0.0) {
          cols[out] = c;
          vals[out] = v;
          out++;
        }
      }
    }
    start[n] = out;
    return new FuzzyGraph(n, start, Arrays.copyOf(cols, out), Arrays.copyOf(vals, out));
  }

  /** @return the number of stored (directed) entries, twice the number of undirected edges */
  int entries() {
    return rowStart[n];
  }

  /** @return the largest weight, 0 for an empty graph */
  double maxWeight() {
    double m = 0.0;
    for (double v : weights) {
      m = Math.max(m, v);
    }
    return m;
  }

  /** @return a copy without the entries whose weight is below the threshold */
  FuzzyGraph prune(double threshold) {
    int[] start = new int[n + 1];
    int[] c = new int[cols.length];
    double[] v = new double[cols.length];
    int out = 0;
    for (int i = 0; i < n; i++) {
      start[i] = out;
      for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
        if (weights[e] >= threshold) {
          c[out] = cols[e];
          v[out] = weights[e];
          out++;
        }
      }
    }
    start[n] = out;
    return new FuzzyGraph(n, start, Arrays.copyOf(c, out), Arrays.copyOf(v, out));
  }

  /** @return the number of connected components (isolated points count as components) */
  int connectedComponents() {
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    int components = n;
    for (int i = 0; i < n; i++) {
      for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
        int a = find(parent, i);
        int b = find(parent, cols[e]);
        if (a != b) {
          parent[Math.max(a, b)] = Math.min(a, b);
          components--;
        }
      }
    }
    return components;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /**
   * The shifted normalised Laplacian {@code 2I - L_sym = I + D^-1/2 W D^-1/2} as an operator
   * (uwot's {@code form_modified_laplacian}): symmetric, eigenvalues in [0, 2], and its top
   * eigenvectors are the bottom eigenvectors of L_sym, so a truncated SVD finds them.
   * Every point must have at least one edge.
   */
  LinearOperator modifiedLaplacian() {
    double[] invSqrtDegree = new double[n];
    for (int i = 0; i < n; i++) {
      double d = 0.0;
      for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
        d += weights[e];
      }
      invSqrtDegree[i] = 1.0 / Math.sqrt(d);
    }
    return new LinearOperator() {
      @Override
      public int rows() {
        return n;
      }

      @Override
      public int cols() {
        return n;
      }

      @Override
      public void multiply(double[] x, double[] y) {
        for (int i = 0; i < n; i++) {
          double s = 0.0;
          for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
            int j = cols[e];
            s += weights[e] * invSqrtDegree[j] * x[j];
          }
          y[i] = x[i] + invSqrtDegree[i] * s;
        }
      }

      @Override
      public void multiplyTranspose(double[] y, double[] x) {
        multiply(y, x); // symmetric
      }
    };
  }
}
