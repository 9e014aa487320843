package org.mnistkit.eda.umap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistkit.eda.testing.ModelFiles.assertBadFile;
import static org.mnistkit.eda.testing.ModelFiles.assertCutAndMissingFilesRejected;
import static org.mnistkit.eda.testing.ModelFiles.assertFailedSavesLeaveNothing;
import static org.mnistkit.eda.testing.ModelFiles.assertSamePca;
import static org.mnistkit.eda.testing.ModelFiles.indexOfInt;
import static org.mnistkit.eda.testing.ModelFiles.withInt;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.eda.knn.Metric;
import org.mnistkit.eda.svd.Pca;
import org.mnistkit.eda.testing.Fixtures;

class UmapIOTest {

  @TempDir
  Path dir;

  /** Saves, loads, and checks that the copy reports and transforms exactly as the original. */
  private UmapModel roundTrip(UmapModel a, FloatMatrix fresh, String name) throws IOException {
    Path file = dir.resolve(name);
    a.save(file);
    UmapModel b = UmapModel.load(file);
    assertEquals(a.embedding(), b.embedding());
    assertEquals(a.nRows(), b.nRows());
    assertEquals(a.nCols(), b.nCols());
    assertEquals(a.nEpochs(), b.nEpochs());
    assertEquals(a.graphEdges(), b.graphEdges());
    assertEquals(a.toString(), b.toString());
    Umap s = a.settings();
    Umap t = b.settings();
    assertEquals(s.toString(), t.toString());
    assertEquals(s.a(), t.a());
    assertEquals(s.b(), t.b());
    assertEquals(s.seed(), t.seed());
    assertEquals(s.threads(), t.threads());
    assertEquals(s.sgdThreads(), t.sgdThreads());
    assertEquals(s.nEpochs(123), t.nEpochs(123));
    for (double[] pair : new double[][] {{s.setOpMixRatio, t.setOpMixRatio},
        {s.localConnectivity, t.localConnectivity}, {s.bandwidth, t.bandwidth},
        {s.repulsionStrength, t.repulsionStrength}, {s.negativeSampleRate, t.negativeSampleRate}}) {
      assertEquals(pair[0], pair[1]);
    }
    assertEquals(s.neighborMethod, t.neighborMethod);
    assertEquals(s.verbose, t.verbose);
    assertArrayEquals(a.neighbors().indices(), b.neighbors().indices());
    assertArrayEquals(a.neighbors().distances(), b.neighbors().distances());
    assertEquals(a.searchData(), b.searchData());
    assertArrayEquals(a.graph().rowStart, b.graph().rowStart);
    assertArrayEquals(a.graph().cols, b.graph().cols);
    assertArrayEquals(a.graph().weights, b.graph().weights);
    if (a.pca() == null) {
      assertNull(b.pca());
    } else {
      assertSamePca(a.pca(), b.pca());
      assertSame(b.pca().scores(), b.searchData(), "the scores are not stored twice");
    }
    FloatMatrix placed = a.transform(fresh);
    assertEquals(placed, a.transform(fresh), "transform is seeded");
    assertEquals(placed, b.transform(fresh), "the loaded model places new rows identically");
    return b;
  }

  @Test
  void smallModelsRoundTripWithAndWithoutPca() throws IOException {
    FloatMatrix x = Fixtures.blobs(3, 40, 12, 3);
    FloatMatrix fresh = Fixtures.blobs(3, 5, 12, 4);
    Umap.Builder b = Umap.builder().nNeighbors(8).nEpochs(40).threads(2);
    roundTrip(b.build().fit(x), fresh, "plain.umap");
    UmapModel withPca = roundTrip(b.pca(4).seed(77).build().fit(x), fresh, "pca.umap");
    assertEquals(4, withPca.pca().nComponents());
    UmapModel other = b.metric(Metric.COSINE).nComponents(3).init(Umap.Init.RANDOM).minDist(0.2)
        .ab(1.5, 0.9).setOpMixRatio(0.5).verbose(false).build().fit(x);
    roundTrip(other, fresh, "other.umap");
  }

  @Test
  void largeModelRoundTripsThroughTheGraphSearchPath() throws IOException {
    int per = 1400; // 4200 rows: at or above Umap.EXACT_BELOW, transform searches the fuzzy graph
    assertTrue(3 * per >= Umap.EXACT_BELOW);
    FloatMatrix x = Fixtures.blobs(3, per, 8, 31);
    UmapModel m = Umap.builder().nEpochs(20).pca(4).threads(2).build().fit(x);
    roundTrip(m, Fixtures.blobs(3, 10, 8, 32), "large.umap");
  }

  private byte[] goodFile(Umap.Builder settings) throws IOException {
    Path file = dir.resolve("good.umap");
    settings.nNeighbors(5).nEpochs(10).threads(1).build().fit(Fixtures.blobs(2, 15, 6, 5))
        .save(file);
    return Files.readAllBytes(file);
  }

  @Test
  void foreignShortFutureAndCorruptFilesAreRejected() throws IOException {
    Path bad = dir.resolve("bad.umap");
    Path pcaFile = dir.resolve("model.pca");
    Pca.builder().nComponents(2).build().fit(Fixtures.gaussian(20, 5, 1)).save(pcaFile);
    assertBadFile(bad, Files.readAllBytes(pcaFile), UmapModel::load,
        "not a mnistkit UMAP file (magic 0x4D4B5043 \"MKPC\", expected 0x4D4B554D \"MKUM\")");
    byte[] good = goodFile(Umap.builder());
    byte[] future = good.clone();
    ByteBuffer.wrap(future).putInt(4, 7);
    assertBadFile(bad, future, UmapModel::load,
        "unsupported UMAP file version 7 (this build reads 1)");
    byte[] flipped = good.clone();
    flipped[good.length / 3] ^= 0x01;
    assertBadFile(bad, flipped, UmapModel::load, "checksum mismatch");
    for (int length : new int[] {0, 7}) {
      assertBadFile(bad, Arrays.copyOf(good, length), UmapModel::load, "too short");
    }
    assertCutAndMissingFilesRejected(bad, good, UmapModel::load, 12, 30, good.length / 2, good.length - 2);
  }

  @Test
  void bodiesWithAValidChecksumAreStillChecked() throws IOException {
    Path bad = dir.resolve("bad.umap");
    byte[] good = goodFile(Umap.builder());
    int n = 30;
    assertBadFile(bad, withInt(good, 8, -3), UmapModel::load, "nRows must be >= 1, got -3");
    // a huge size in a small file fails before anything is allocated (no OutOfMemoryError)
    assertBadFile(bad, withInt(good, 8, 1 << 27), UmapModel::load,
        "truncated: search data need 3221225472 bytes");
    assertBadFile(bad, withInt(good, 8, Integer.MAX_VALUE), UmapModel::load,
        "cannot be held in an array");
    assertBadFile(bad, withInt(good, 16, -2), UmapModel::load, "nEpochs must be >= 0, got -2");
    assertBadFile(bad, withInt(good, 20, 1), UmapModel::load,
        "invalid UMAP settings: nNeighbors must be >= 2, got 1");
    // after the header, shape, settings, PCA flag, search data flag and matrix, k, the
    // neighbour indices and distances stand the fuzzy graph's entries, row starts and columns
    int settings = 4 + 4 + (2 + 9) + 4 + 8 + (2 + 8) + 9 * 8 + 4 + (2 + 4) + 8 + 4 + 4 + 1;
    int k = 5;
    int indices = 8 + 12 + settings + 1 + 1 + 4 + 4 * n * 6 + 4;
    int entriesAt = indices + 8 * n * k;
    int m = ByteBuffer.wrap(good).getInt(entriesAt);
    int rowStarts = entriesAt + 4;
    int columns = rowStarts + 4 * (n + 1);
    assertEquals(good.length, columns + 12 * m + 8 * n + 4, "the layout of the format comment");
    assertBadFile(bad, withInt(good, columns, n), UmapModel::load,
        "fuzzy graph columns[0] is 30, expected 0..29");
    assertBadFile(bad, withInt(good, rowStarts + 4, m + 1), UmapModel::load,
        "fuzzy graph row starts[1] is " + (m + 1) + ", expected 0.." + m);
    assertBadFile(bad, withInt(good, entriesAt, 1 << 29), UmapModel::load,
        "fuzzy graph row starts must run from 0 to 536870912, got 0 to " + m);
    assertBadFile(bad, withInt(good, indices + 4, -2), UmapModel::load,
        "neighbour indices[1] is -2, expected -1..29");
    assertBadFile(bad, withInt(good, indices - 4, 6), UmapModel::load,
        "the neighbour graph has k = 6, expected nNeighbors = 5");

    byte[] withPca = goodFile(Umap.builder().pca(3));
    int pcaAt = indexOfInt(withPca, 0x4D4B5043);
    assertTrue(pcaAt > 0);
    assertBadFile(bad, withInt(withPca, pcaAt + 4, 9), UmapModel::load,
        "unsupported PCA block version 9 (this build reads 1)");
    assertBadFile(bad, withInt(withPca, pcaAt + 8, 29), UmapModel::load,
        "the PCA was fitted on 29 x 6 but the UMAP on 30 x 6");
  }

  @Test
  void failedSaveLeavesNothingBehind() throws IOException {
    UmapModel m = Umap.builder().nNeighbors(5).nEpochs(5).build()
        .fit(Fixtures.blobs(2, 10, 3, 1));
    assertFailedSavesLeaveNothing(dir, m::save);
  }

}
