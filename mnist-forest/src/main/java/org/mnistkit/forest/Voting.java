package org.mnistkit.forest;

import org.mnistkit.core.concurrent.Workers;
import org.mnistkit.core.tensor.FloatMatrix;

/**
 * Counts the trees' votes for rows: blocks of rows in parallel, each block walking every tree
 * eight rows at a time ({@link Tree#predict8}). The counts do not depend on the number of threads.
 */
final class Voting {

  private static final int BLOCK = 64; // rows per task

  private Voting() {}

  /**
   * @param trees the forest
   * @param x m x p rows, already checked (p columns, finite values)
   * @param k the number of classes
   * @param threads the most threads to use, at least 1
   * @return m x k vote counts, row-major
   * @throws IllegalArgumentException when threads is below 1
   */
  static int[] votes(Tree[] trees, FloatMatrix x, int k, int threads) {
    int m = x.rows();
    int p = x.cols();
    float[] data = x.data();
    int[] votes = new int[m * k];
    int blocks = (m + BLOCK - 1) / BLOCK;
    try (Workers pool = new Workers(threads)) {
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
}
