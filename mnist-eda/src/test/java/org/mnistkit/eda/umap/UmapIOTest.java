package org.mnistkit.eda.umap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistkit.eda.testing.ModelFiles.assertBadFile;
import static org.mnistkit.eda.testing.ModelFiles.assertCutAndMissingFilesRejected;
import static org.mnistkit.eda.testing.ModelFiles.assertFailedSavesLeaveNothing;
import static org.mnistkit.eda.testing.ModelFiles.assertHalfWaySaveKeepsTheOldFile;
import static org.mnistkit.eda.testing.ModelFiles.assertSamePca;
import static org.mnistkit.eda.testing.ModelFiles.blockContent;
import static org.mnistkit.eda.testing.ModelFiles.indexOfInt;
import static org.mnistkit.eda.testing.ModelFiles.otherKind;
import static org.mnistkit.eda.testing.ModelFiles.version1File;
import static org.mnistkit.eda.testing.ModelFiles.version1Rows;
import static org.mnistkit.eda.testing.ModelFiles.withCrc;
import static org.mnistkit.eda.testing.ModelFiles.withInt;
import static org.mnistkit.eda.testing.ModelFiles.withText;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistkit.core.data.DataOrigin;
import org.mnistkit.core.model.Models;
import org.mnistkit.core.model.Provenance;
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
    assertEquals(a.provenance(), b.provenance());
    assertEquals(a.numFeatures(), b.numFeatures());
    assertEquals(a.nComponents(), b.nComponents());
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
    assertEquals(Umap.builder().build().threads(), t.threads(), "thread counts are not saved");
    assertEquals(1, t.sgdThreads(), "thread counts are not saved");
    assertEquals(s.nEpochs(123), t.nEpochs(123));
    for (double[] pair : new double[][] {{s.setOpMixRatio, t.setOpMixRatio},
        {s.localConnectivity, t.localConnectivity}, {s.bandwidth, t.bandwidth},
        {s.repulsionStrength, t.repulsionStrength}, {s.negativeSampleRate, t.negativeSampleRate}}) {
      assertEquals(pair[0], pair[1]);
    }
    assertEquals(s.neighborMethod, t.neighborMethod);
    assertFalse(t.verbose, "verbose is not saved");
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
    FloatMatrix placed = a.transform(fresh, 1);
    assertEquals(placed, a.transform(fresh, 3), "transform does not depend on the threads");
    assertEquals(placed, b.transform(fresh, 2), "the loaded model places new rows identically");
    assertEquals(placed, b.transform(fresh));
    return b;
  }

  @Test
  void smallModelsRoundTripWithAndWithoutPca() throws IOException {
    FloatMatrix x = Fixtures.blobs(3, 40, 12, 3);
    FloatMatrix fresh = Fixtures.blobs(3, 5, 12, 4);
    Umap.Builder b = Umap.builder().nNeighbors(8).nEpochs(40).threads(2).sgdThreads(2);
    roundTrip(b.build().fit(x), fresh, "plain.umap");
    b.sgdThreads(1);
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
        "holds a mnistkit PCA (MKPC), not a UMAP (MKUM) file");
    assertBadFile(bad, Files.readAllBytes(otherKind(dir.resolve("f.mkrf"), "MKRF",
        "random forest")), UmapModel::load,
        "holds a mnistkit random forest (MKRF), not a UMAP (MKUM) file");
    assertBadFile(bad, Files.readAllBytes(otherKind(dir.resolve("n.mknn"), "MKNN", "network")),
        UmapModel::load, "holds a mnistkit network (MKNN), not a UMAP (MKUM) file");
    assertBadFile(bad, Files.readAllBytes(version1File("pca-v1.mkpc")), UmapModel::load,
        "holds a mnistkit PCA (MKPC) saved in format version 1, not a UMAP (MKUM) file");
    byte[] good = goodFile(Umap.builder());
    byte[] future = good.clone();
    ByteBuffer.wrap(future).putInt(4, 7);
    assertBadFile(bad, future, UmapModel::load,
        "unsupported UMAP file version 7 (this build reads 1..2)");
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
    int k = 5;
    int fit = blockContent(good, "fit", 0);
    int settings = blockContent(good, "settings", fit);
    int neighbors = blockContent(good, "neighbors", settings);
    int graph = blockContent(good, "graph", neighbors);
    assertBadFile(bad, withInt(good, fit, -3), UmapModel::load, "nRows must be >= 1, got -3");
    // a huge size in a small file fails before anything is allocated (no OutOfMemoryError)
    assertBadFile(bad, withInt(good, fit, 1 << 27), UmapModel::load,
        "truncated: search data need 3221225472 bytes");
    assertBadFile(bad, withInt(good, fit, Integer.MAX_VALUE), UmapModel::load,
        "cannot be held in an array");
    assertBadFile(bad, withInt(good, fit + 8, -2), UmapModel::load,
        "nEpochs must be >= 0, got -2");
    assertBadFile(bad, withInt(good, settings, 1), UmapModel::load,
        "invalid UMAP settings: nNeighbors must be >= 2, got 1");
    assertBadFile(bad, withInt(good, neighbors, 6), UmapModel::load,
        "the neighbour graph has k = 6, expected nNeighbors = 5");
    assertBadFile(bad, withInt(good, neighbors + 8, -2), UmapModel::load,
        "neighbour indices[1] is -2, expected -1..29");
    int m = ByteBuffer.wrap(good).getInt(graph);
    int rowStarts = graph + 4;
    int columns = rowStarts + 4 * (n + 1);
    assertEquals(neighbors + 4 + 8 * n * k, graph - 8 - 2 - "graph".length(),
        "the layout of the format comment");
    assertBadFile(bad, withInt(good, columns, n), UmapModel::load,
        "fuzzy graph columns[0] is 30, expected 0..29");
    assertBadFile(bad, withInt(good, rowStarts + 4, m + 1), UmapModel::load,
        "fuzzy graph row starts[1] is " + (m + 1) + ", expected 0.." + m);
    assertBadFile(bad, withInt(good, graph, 1 << 29), UmapModel::load,
        "fuzzy graph row starts must run from 0 to 536870912, got 0 to " + m);
    byte[] weight = good.clone();
    ByteBuffer.wrap(weight).putDouble(columns + 4 * m, 1.5);
    assertBadFile(bad, withCrc(weight), UmapModel::load,
        "fuzzy graph weight 0 must be a membership strength in [0, 1], got 1.5");
    int embedding = blockContent(good, "embedding", graph + 12 * m);
    assertBadFile(bad, withInt(good, embedding, 0x7FC00000), UmapModel::load,
        "the embedding and the search data must hold finite values");
    assertBadFile(bad, withText(good, "data.cols=6", "data.cols=7"), UmapModel::load,
        "the provenance says the UMAP was fitted on 30 x 7 but the model holds 30 x 6");

    byte[] withPca = goodFile(Umap.builder().pca(3));
    int pca = blockContent(withPca, "pca", blockContent(withPca, "settings", 0));
    int pcaShape = blockContent(withPca, "shape", pca);
    // fewer rows in the PCA's shape leave U's last row unread in its block
    assertBadFile(bad, withInt(withPca, pcaShape, 29), UmapModel::load,
        "block 'svd' has 12 unread bytes");
    int pcaSettings = blockContent(withPca, "settings", pcaShape);
    assertBadFile(bad, withInt(withPca, pcaSettings, 2), UmapModel::load,
        "the SVD has 3 components but the settings say nComponents = 2");
    // the UMAP's pca setting stands after nNeighbors, nComponents, metric, nEpochs,
    // learningRate, init and nine doubles
    int pcaSetting = blockContent(withPca, "settings", 0) + 4 + 4 + (2 + 9) + 4 + 8 + (2 + 8)
        + 9 * 8;
    assertEquals(3, ByteBuffer.wrap(withPca).getInt(pcaSetting));
    assertBadFile(bad, withInt(withPca, pcaSetting, 4), UmapModel::load,
        "the PCA has 3 components but the settings say pca = 4");
  }

  @Test
  void theVersion1FileLoadsAndGivesItsSavedOutputs() throws IOException {
    Path file = version1File("umap-v1.mkum");
    UmapModel m = UmapModel.load(file);
    FloatMatrix probe = version1Rows("probe.txt");
    FloatMatrix expected = version1Rows("umap-v1.transform.txt");
    for (int threads : new int[] {1, 2, 5}) {
      assertEquals(expected, m.transform(probe, threads), "threads " + threads);
    }
    assertEquals(20, m.nEpochs());
    assertEquals(9, m.settings().seed());
    assertEquals(5, m.settings().nNeighbors());
    Provenance p = m.provenance();
    assertEquals("unknown (format version 1)", p.mnistkitVersion());
    assertArrayEquals(new int[] {60, 8}, p.dataShape());
    assertEquals(9, p.seed());
    assertEquals("5", p.settings().get("nNeighbors"));
    assertEquals("20", p.settings().get("nEpochs"));
    assertEquals("none", p.settings().get("pca"));
    assertEquals(p, Provenance.version1(60, 8, UmapFitter.provenanceSettings(m.settings(), 20), 9));
    assertInstanceOf(UmapModel.class, Models.load(file));

    // the saved thread counts (threads 2 at byte 151, sgdThreads 1 at 155) are ignored
    byte[] v1 = Files.readAllBytes(file);
    assertEquals(2, ByteBuffer.wrap(v1).getInt(151));
    assertEquals(1, ByteBuffer.wrap(v1).getInt(155));
    Path other = dir.resolve("threads.mkum");
    Files.write(other, withInt(withInt(v1, 151, 0), 155, 8));
    assertEquals(expected, UmapModel.load(other).transform(probe, 3));
    // the checks apply to version-1 files too
    assertBadFile(other, withInt(v1, 8, -3), UmapModel::load, "nRows must be >= 1, got -3");
    assertBadFile(other, withInt(v1, 20, 1), UmapModel::load,
        "invalid UMAP settings: nNeighbors must be >= 2, got 1");

    // saved again, it becomes a version-2 file with the same model and provenance
    Path again = dir.resolve("again.mkum");
    m.save(again);
    assertEquals(2, ByteBuffer.wrap(Files.readAllBytes(again)).getInt(4));
    roundTrip(UmapModel.load(again), probe, "again2.mkum");
    assertEquals(expected, UmapModel.load(again).transform(probe, 2));
  }

  @Test
  void aVersion1FileWithAPcaLoads() throws IOException {
    // a version-1 UMAP file with a PCA, built from a version-2 one by the version-1 layout
    UmapModel a = Umap.builder().nNeighbors(5).nEpochs(10).pca(3).seed(4).build()
        .fit(Fixtures.blobs(2, 15, 6, 5));
    Path file = dir.resolve("pca-v1.mkum");
    Path v2 = dir.resolve("pca-v2.mkum");
    a.save(v2);
    Files.write(file, toVersion1(Files.readAllBytes(v2)));
    UmapModel b = UmapModel.load(file);
    assertEquals(a.embedding(), b.embedding());
    assertSamePcaLayout(a, b);
    FloatMatrix fresh = Fixtures.blobs(2, 4, 6, 6);
    assertEquals(a.transform(fresh, 1), b.transform(fresh, 2));
    assertEquals("unknown (format version 1)", b.pca().provenance().mnistkitVersion());
    assertEquals("3", b.pca().provenance().settings().get("nComponents"));
    byte[] v1 = Files.readAllBytes(file);
    int pcaAt = indexOfInt(v1, 0x4D4B5043);
    assertTrue(pcaAt > 0);
    Path bad = dir.resolve("bad.mkum");
    assertBadFile(bad, withInt(v1, pcaAt + 4, 9), UmapModel::load,
        "unsupported PCA block version 9 (expected 1)");
    assertBadFile(bad, withInt(v1, pcaAt + 8, 29), UmapModel::load,
        "the PCA was fitted on 29 x 6 but the UMAP on 30 x 6");
  }

  /**
   * Rewrites a version-2 UMAP file in the version-1 layout: no kind, provenance, tags or lengths;
   * thread counts and verbose after the settings; the PCA as a version-1 PCA block (magic,
   * version 1, fields, its thread count after its settings).
   */
  private static byte[] toVersion1(byte[] v2) {
    ByteBuffer in = ByteBuffer.wrap(v2, 0, v2.length - 4);
    ByteBuffer out = ByteBuffer.allocate(v2.length);
    out.putInt(in.getInt()).putInt(in.getInt() - 1);
    tag(in); // the kind
    skipBlock(in);
    while (in.hasRemaining()) {
      String tag = tag(in);
      long end = in.getLong() + in.position();
      if (tag.equals("pca")) {
        byte present = in.get();
        out.put(present);
        if (present == 1) {
          out.putInt(0x4D4B5043).putInt(1);
          skipBlock(in);
          while (in.position() < end) {
            String inner = tag(in);
            copy(in, out, in.getLong());
            if (inner.equals("settings")) {
              out.putInt(2);
            }
          }
        }
      } else {
        copy(in, out, end - in.position());
        if (tag.equals("settings")) {
          out.putInt(2).putInt(1).put((byte) 0);
        }
      }
    }
    out.putInt(0);
    return withCrc(Arrays.copyOf(out.array(), out.position()));
  }

  private static String tag(ByteBuffer in) {
    byte[] t = new byte[in.getShort()];
    in.get(t);
    return new String(t, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static void skipBlock(ByteBuffer in) {
    tag(in);
    long length = in.getLong();
    in.position(in.position() + (int) length);
  }

  private static void copy(ByteBuffer in, ByteBuffer out, long length) {
    out.put(in.slice().limit((int) length));
    in.position(in.position() + (int) length);
  }

  private static void assertSamePcaLayout(UmapModel a, UmapModel b) {
    assertEquals(a.pca().rotation(), b.pca().rotation());
    assertEquals(a.pca().scores(), b.pca().scores());
    assertSame(b.pca().scores(), b.searchData());
  }

  @Test
  void provenanceRecordsTheSettingsAndTheData() throws IOException {
    DataOrigin origin = new DataOrigin("fashion-mnist", "test", Map.of());
    UmapModel a = Umap.builder().nNeighbors(5).nEpochs(10).pca(3).minDist(0.2).seed(4)
        .threads(3).build().fit(Fixtures.blobs(2, 15, 6, 5).withOrigin(origin));
    Provenance p = a.provenance();
    assertEquals(origin, p.dataset().orElseThrow());
    assertEquals(4, p.seed());
    assertEquals("5", p.settings().get("nNeighbors"));
    assertEquals("0.2", p.settings().get("minDist"));
    assertEquals("10", p.settings().get("nEpochs"));
    assertEquals("3", p.settings().get("pca"));
    assertEquals("EUCLIDEAN", p.settings().get("metric"));
    assertFalse(p.settings().containsKey("threads"));
    assertFalse(p.settings().containsKey("sgdThreads"));
    assertTrue(p.fitSeconds().isPresent());
    assertTrue(a.toString().endsWith(p.toString()), a.toString());
    UmapModel b = roundTrip(a, Fixtures.blobs(2, 4, 6, 6), "provenance.umap");
    assertEquals(a.pca().provenance(), b.pca().provenance(),
        "the nested PCA keeps its own provenance");
    assertEquals("3", b.pca().provenance().settings().get("nComponents"));
  }

  private static UmapModel tinyModel() {
    return Umap.builder().nNeighbors(5).nEpochs(5).build().fit(Fixtures.blobs(2, 10, 3, 1));
  }

  @Test
  void aSaveThatFailsHalfWayLeavesTheOldFileIntact() throws IOException {
    UmapModel m = tinyModel();
    Path file = dir.resolve("model.umap");
    m.save(file);
    UmapModel bigger = Umap.builder().nNeighbors(5).nEpochs(2).threads(2).build()
        .fit(Fixtures.blobs(3, 1000, 8, 2));
    assertHalfWaySaveKeepsTheOldFile(file, UmapIO.FORMAT, bigger.provenance(),
        out -> UmapIO.writeBody(bigger, out));
    assertEquals(m.embedding(), UmapModel.load(file).embedding());
  }

  @Test
  void modelsLoadFindsTheUmapAndTransformChecksItsThreads() throws IOException {
    UmapModel m = tinyModel();
    Path file = dir.resolve("any.model");
    m.save(file);
    UmapModel loaded = assertInstanceOf(UmapModel.class, Models.load(file));
    assertEquals(m.embedding(), loaded.embedding());
    assertEquals("threads must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
        () -> loaded.transform(Fixtures.blobs(2, 2, 3, 3), 0)).getMessage());
  }

  @Test
  void failedSavesToDirectoriesLeaveNothingBehind() throws IOException {
    assertFailedSavesLeaveNothing(dir, tinyModel()::save);
  }

}
