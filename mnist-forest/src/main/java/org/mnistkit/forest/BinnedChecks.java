package org.mnistkit.forest;

import java.util.Arrays;
import java.util.Locale;

/** The checks {@link ForestParts#binned} makes of binned rows, each failing with the value. */
final class BinnedChecks {

  private BinnedChecks() {}

  /**
   * @return log2 of the rows per chunk (31 for a single chunk)
   * @throws IllegalArgumentException when the chunks are not as ForestParts.binned describes
   */
  static int shiftOf(byte[][] rowChunks, int rows, int cols) {
    if (rowChunks.length == 0 || rowChunks[0] == null || rowChunks[0].length % cols != 0) {
      throw new IllegalArgumentException(
          "rowChunks must hold whole rows of " + cols + " codes each");
    }
    int per = rowChunks[0].length / cols;
    if (rowChunks.length > 1 && Integer.bitCount(per) != 1) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "chunks must hold a power of two rows each, got %d", per));
    }
    int shift = rowChunks.length == 1 ? 31 : Integer.numberOfTrailingZeros(per);
    boolean fits = FeatureBins.chunkCount(rows, shift) == rowChunks.length;
    for (int c = 0; fits && c < rowChunks.length; c++) {
      fits = rowChunks[c] != null
          && rowChunks[c].length == FeatureBins.chunkLength(rows, cols, shift, c);
    }
    if (!fits) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "rowChunks must be chunks of %d rows x %d codes (the last the remaining rows) for "
              + "%d rows, got %d chunks", per, cols, rows, rowChunks.length));
    }
    return shift;
  }

  /**
   * @throws IllegalArgumentException when the value ranges of feature f are not finite, ordered
   *     and disjoint, or not 1..ForestParts.MAX_BINS of them
   */
  static void ranges(int f, float[] lo, float[] hi) {
    if (lo == null || hi == null || lo.length < 1 || lo.length > ForestParts.MAX_BINS
        || hi.length != lo.length) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "feature %d must have 1..%d codes with a lower and an upper value each, got %s and %s",
          f, ForestParts.MAX_BINS, lo == null ? null : lo.length, hi == null ? null : hi.length));
    }
    for (int b = 0; b < lo.length; b++) {
      if (!Float.isFinite(lo[b]) || !Float.isFinite(hi[b])
          || Float.floatToRawIntBits(lo[b]) == 0x80000000
          || Float.floatToRawIntBits(hi[b]) == 0x80000000 || !(lo[b] <= hi[b])
          || (b > 0 && !(lo[b] > hi[b - 1]))) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "values of feature %d must be finite, strictly increasing and without -0.0: %s", f,
            lo == hi ? Arrays.toString(lo)
                : "lower " + Arrays.toString(lo) + ", upper " + Arrays.toString(hi)));
      }
    }
  }

  /** @throws IllegalArgumentException naming the first code that is not below its feature's */
  static void codes(byte[][] rowChunks, int shift, int cols, float[][] lower) {
    for (int c = 0; c < rowChunks.length; c++) {
      byte[] chunk = rowChunks[c];
      for (int at = 0; at < chunk.length; at += cols) {
        for (int f = 0; f < cols; f++) {
          if ((chunk[at + f] & 0xFF) >= lower[f].length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                "code %d of row %d, feature %d is not below its %d values", chunk[at + f] & 0xFF,
                ((long) c << shift) + at / cols, f, lower[f].length));
          }
        }
      }
    }
  }
}
