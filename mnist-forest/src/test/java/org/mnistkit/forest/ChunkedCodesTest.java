package org.mnistkit.forest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mnistkit.core.concurrent.Progress;
import org.mnistkit.core.tensor.FloatMatrix;

/**
 * The row-major codes live in chunks of 2^shift rows so that n x p may exceed 2^31 bytes; the
 * chunk size must change nothing but the layout. 403 rows make chunks of 8 rows end in a partial
 * one (403 = 50 x 8 + 3).
 */
class ChunkedCodesTest {

  private static final int N = 403;

  /** 6 features: 4 with 10 values (exact codes), 2 with N distinct values (quantile bins). */
  private static Fixtures.Data mixed() {
    Fixtures.Data d = Fixtures.informativeFirst(N, 6, 3, 11);
    float[] x = d.x().data();
    for (int i = 0; i < N; i++) {
      for (int f = 0; f < 4; f++) {
        x[i * 6 + f] = Math.round(x[i * 6 + f] * 8f) / 8f;
      }
      x[i * 6 + 4] = (float) Math.sin(i * 1.7) + x[i * 6] / 20f;
      x[i * 6 + 5] = i / 7f;
    }
    return d;
  }

  @Test
  void chunkLayoutHoldsEveryRowOnce() {
    assertEquals(51, FeatureBins.chunkCount(N, 3));
    assertEquals(3 * 6, FeatureBins.chunkLength(N, 6, 3, 50), "the last chunk: 3 rows");
    assertEquals(8 * 6, FeatureBins.chunkLength(N, 6, 3, 49));
    assertEquals(1, FeatureBins.chunkCount(N, 31));
    assertEquals(18, FeatureBins.chunkShift(784), "2^18 rows x 784 codes <= 256 MiB");
    assertEquals(262144, ForestParts.chunkRows(784));
    Fixtures.Data d = mixed();
    FeatureBins one = FeatureBins.of(d.x(), 1);
    FeatureBins eights = FeatureBins.of(d.x(), 2, 3);
    assertEquals(1, one.rowChunks().length);
    assertEquals(51, eights.rowChunks().length);
    for (int f = 0; f < 6; f++) {
      assertArrayEquals(one.codes()[f], eights.codes()[f], "feature-major codes of " + f);
      assertEquals(one.isExact(f), eights.isExact(f));
      for (int i = 0; i < N; i++) {
        assertEquals(one.chunkOf(i)[one.offsetOf(i) + f], eights.chunkOf(i)[eights.offsetOf(i) + f],
            "row " + i + ", feature " + f);
        assertEquals(one.codes()[f][i], eights.chunkOf(i)[eights.offsetOf(i) + f]);
      }
    }
    assertTrue(one.isExact(0));
    assertFalse(one.isExact(5));
  }

  @Test
  void aForestGrownOnChunksOfEightRowsOrOneRowEqualsTheOneGrownOnOneChunk() {
    Fixtures.Data d = mixed();
    RandomForest settings = RandomForest.builder().trees(12).seed(5).importance(true).threads(2)
        .build();
    ClassLabels classes = ClassLabels.observed(d.y());
    RandomForestModel one = ForestTrainer.fit(settings, d.x(), d.y(), classes, Progress.NONE, 31);
    for (int shift : new int[] {0, 3}) {
      RandomForestModel chunked = ForestTrainer.fit(settings, d.x(), d.y(), classes, Progress.NONE, shift);
      ForestPartsTest.assertSameForest(one, chunked, d.x());
      assertArrayEquals(one.importance().meanDecreaseAccuracy(),
          chunked.importance().meanDecreaseAccuracy(), "permutation importance, shift " + shift);
    }
  }

  @Test
  void partsGrownOnChunksEqualTheLocalForest() {
    Fixtures.Data d = mixed();
    FloatMatrix x = d.x();
    RandomForest settings = RandomForest.builder().trees(7).seed(9).build();
    RandomForestModel local = settings.fit(x, d.y());
    FeatureBins bins = FeatureBins.of(x, 1, 3);
    float[][] lower = new float[6][];
    float[][] upper = new float[6][];
    for (int f = 0; f < 6; f++) {
      lower[f] = new float[bins.numBins(f)];
      upper[f] = new float[bins.numBins(f)];
      for (int b = 0; b < lower[f].length; b++) {
        lower[f][b] = bins.lower(f, b);
        upper[f][b] = bins.upper(f, b);
      }
    }
    int[] classes = local.classes();
    ForestParts.BinnedData data = ForestParts.binned(bins.rowChunks(), N, 6, lower, upper, d.y(),
        classes);
    RandomForestModel assembled = ForestParts.assemble(settings, data,
        List.of(ForestParts.grow(settings, data, 0, 3), ForestParts.grow(settings, data, 3, 7)),
        0);
    // Quantile features: the same trees, predictions and Gini; only out-of-bag votes are counted
    // on codes, so they may differ where a bin straddles a threshold.
    assertArrayEquals(local.predict(x), assembled.predict(x));
    assertArrayEquals(local.predictProba(x, 1).data(), assembled.predictProba(x, 1).data());
    for (int t = 0; t < 7; t++) {
      assertArrayEquals(local.predictTree(t, x), assembled.predictTree(t, x), "tree " + t);
    }
    assertArrayEquals(local.importance().meanDecreaseGini(),
        assembled.importance().meanDecreaseGini(), 1e-12);

    ForestParts.BinnedData stripped = data.withoutCodes();
    assertEquals(null, stripped.rowChunks());
    RandomForestModel joined = ForestParts.assemble(settings, data,
        List.of(ForestParts.grow(settings, stripped.withCodes(bins.rowChunks()), 0, 7)), 0);
    ForestPartsTest.assertSameForest(assembled, joined, x);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> stripped.withCodes(new byte[][] {new byte[N * 6]}));
    assertEquals("expected 51 code chunks, got 1", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ForestParts.binned(
        new byte[][] {new byte[6 * 6], new byte[6 * 6]}, 12, 6, lower, upper, new int[12],
        classes));
    assertEquals("chunks must hold a power of two rows each, got 6", e.getMessage());
  }
}
