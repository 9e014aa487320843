package org.mnistkit.eda.knn;

import java.util.Locale;

/**
 * The k nearest neighbours of n query rows: for row i, neighbour r (0 = nearest) is
 * {@code index(i, r)} at {@code distance(i, r)}; distances are non-decreasing along a row. Whether
 * a point counts as its own neighbour is stated by the method that built the graph (UMAP's graphs
 * include the point itself first, as uwot's do). Immutable; the accessors of whole arrays return
 * copies.
 */
public final class KnnGraph {

  private final int n;
  private final int k;
  private final int[] indices;
  private final float[] distances;

  /**
   * @param n number of query rows
   * @param k neighbours per row
   * @param indices n * k neighbour indices, row-major; taken without copying
   * @param distances n * k distances, row-major, non-decreasing per row; taken without copying
   * @throws IllegalArgumentException when the arrays do not have n * k values
   */
  public KnnGraph(int n, int k, int[] indices, float[] distances) {
    if (n < 0 || k < 0 || (long) n * k != indices.length || indices.length != distances.length) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "a %d x %d neighbour graph needs %d indices and distances, got %d and %d", n, k,
          (long) n * k, indices.length, distances.length));
    }
    this.n = n;
    this.k = k;
    this.indices = indices;
    this.distances = distances;
  }

  /** @return the number of query rows */
  public int n() {
    return n;
  }

  /** @return the number of neighbours per row */
  public int k() {
    return k;
  }

  /**
   * @param i query row, 0..n-1
   * @param r neighbour rank, 0..k-1
   * @return the index of the r-th nearest neighbour of row i
   */
  public int index(int i, int r) {
    return indices[i * k + r];
  }

  /**
   * @param i query row, 0..n-1
   * @param r neighbour rank, 0..k-1
   * @return the distance to the r-th nearest neighbour of row i
   */
  public float distance(int i, int r) {
    return distances[i * k + r];
  }

  /** @return a copy of the n * k indices, row-major */
  public int[] indices() {
    return indices.clone();
  }

  /** @return a copy of the n * k distances, row-major */
  public float[] distances() {
    return distances.clone();
  }

  /** Shares the arrays with package code and UMAP without copying. */
  int[] indicesArray() {
    return indices;
  }

  float[] distancesArray() {
    return distances;
  }

  /**
   * The share of true neighbours found: for each row, how many of this graph's neighbours occur
   * among the exact graph's, averaged over all rows (uwot's and pynndescent's recall).
   *
   * @param exact the exact graph of the same rows and k
   * @return recall in [0, 1]
   * @throws IllegalArgumentException when the shapes differ
   */
  public double recall(KnnGraph exact) {
    if (exact.n != n || exact.k != k) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "shapes differ: %d x %d vs %d x %d", n, k, exact.n, exact.k));
    }
    long hits = 0;
    for (int i = 0; i < n; i++) {
      for (int r = 0; r < k; r++) {
        int want = exact.indices[i * k + r];
        for (int s = 0; s < k; s++) {
          if (indices[i * k + s] == want) {
            hits++;
            break;
          }
        }
      }
    }
    return n == 0 ? 1.0 : hits / (double) ((long) n * k);
  }

  /** @return for example {@code KnnGraph[60000 x 15]} */
  @Override
  public String toString() {
    return "KnnGraph[" + n + " x " + k + "]";
  }
}
