package org.mnistkit.eda.svd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistkit.eda.testing.ModelFiles.assertBadFile;
import static org.mnistkit.eda.testing.ModelFiles.assertCutAndMissingFilesRejected;
import static org.mnistkit.eda.testing.ModelFiles.assertFailedSavesLeaveNothing;
import static org.mnistkit.eda.testing.ModelFiles.assertHalfWaySaveKeepsTheOldFile;
import static org.mnistkit.eda.testing.ModelFiles.assertSamePca;
import static org.mnistkit.eda.testing.ModelFiles.blockContent;
import static org.mnistkit.eda.testing.ModelFiles.otherKind;
import static org.mnistkit.eda.testing.ModelFiles.version1File;
import static org.mnistkit.eda.testing.ModelFiles.version1Rows;
import static org.mnistkit.eda.testing.ModelFiles.withCrc;
import static org.mnistkit.eda.testing.ModelFiles.withDouble;
import static org.mnistkit.eda.testing.ModelFiles.withInt;
import static org.mnistkit.eda.testing.ModelFiles.withText;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
import org.mnistkit.eda.testing.Fixtures;

class PcaIOTest {

  @TempDir
  Path dir;

  /** Columns with different means and spreads, so that centring and scaling matter. */
  private static FloatMatrix data(int rows, long seed) {
    FloatMatrix x = Fixtures.gaussian(rows, 12, seed);
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < 12; j++) {
        x.set(i, j, x.get(i, j) * (1 + j) + 3f * j);
      }
    }
    return x;
  }

  private PcaModel roundTrip(Pca pca, String name) throws IOException {
    PcaModel a = pca.fit(data(80, 1));
    Path file = dir.resolve(name);
    a.save(file);
    PcaModel b = PcaModel.load(file);
    assertSamePca(a, b);
    FloatMatrix fresh = data(25, 2);
    FloatMatrix expected = a.transform(fresh, 1);
    assertEquals(expected, a.transform(fresh, 3), "rows are projected alone");
    assertEquals(expected, b.transform(fresh, 2));
    assertEquals(expected, b.transform(fresh));
    return b;
  }

  @Test
  void centredModelRoundTripsWithItsProvenanceButNotItsThreads() throws IOException {
    PcaModel b = roundTrip(Pca.builder().nComponents(4).seed(9).tol(1e-7).threads(3).build(),
        "centred.pca");
    assertNotNull(b.center());
    assertNull(b.scale());
    assertEquals(1e-7, b.settings().tol());
    assertEquals(9, b.settings().seed());
    assertEquals(Pca.builder().build().threads(), b.settings().threads(),
        "thread counts are not saved");
    Provenance p = b.provenance();
    assertEquals(Map.of("nComponents", "4", "center", "true", "scale", "false", "method", "IRLBA",
        "tol", "1.0E-7"), p.settings());
    assertEquals(9, p.seed());
    assertArrayEquals(new int[] {80, 12}, p.dataShape());
    assertTrue(p.fitSeconds().isPresent());
    assertTrue(p.created().isPresent());
    assertEquals(Provenance.libraryVersion(), p.mnistkitVersion());
    assertTrue(b.toString().contains(p.toString()), b.toString());
    assertEquals(12, b.numFeatures());
  }

  @Test
  void theDatasetOfTheTrainingRowsIsKept() throws IOException {
    DataOrigin origin = new DataOrigin("mnist", "train",
        Map.of("train-images-idx3-ubyte", "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"));
    PcaModel a = Pca.builder().nComponents(2).build().fit(data(30, 5).withOrigin(origin));
    Path file = dir.resolve("origin.pca");
    a.save(file);
    PcaModel b = PcaModel.load(file);
    assertEquals(origin, b.provenance().dataset().orElseThrow());
    assertEquals(a.provenance(), b.provenance());
    assertTrue(b.toString().contains("from mnist train (sha256 train-images-idx3-ubyte ba891046e650...)"),
        b.toString());
  }

  @Test
  void scaledUncentredAndRandomizedModelsRoundTrip() throws IOException {
    PcaModel scaled = roundTrip(Pca.builder().nComponents(3).scale(true).build(), "scaled.pca");
    assertEquals(12, scaled.scale().length);
    assertEquals(12.0, scaled.totalVariance());
    PcaModel raw = roundTrip(Pca.builder().nComponents(5).center(false).build(), "raw.pca");
    assertNull(raw.center());
    PcaModel randomized = roundTrip(
        Pca.builder().nComponents(2).method(Pca.Method.RANDOMIZED).build(), "randomized.pca");
    assertEquals("randomized", randomized.svd().method());
  }

  @Test
  void theVersion1FileLoadsAndGivesItsSavedOutputs() throws IOException {
    Path file = version1File("pca-v1.mkpc");
    PcaModel m = PcaModel.load(file);
    FloatMatrix probe = version1Rows("probe.txt");
    FloatMatrix expected = version1Rows("pca-v1.transform.txt");
    for (int threads : new int[] {1, 2, 5}) {
      assertEquals(expected, m.transform(probe, threads), "threads " + threads);
    }
    assertEquals(Provenance.version1(60, 8, Map.of("nComponents", 3, "center", true, "scale",
        false, "method", "IRLBA", "tol", 1e-5), 5), m.provenance());
    assertEquals("unknown (format version 1)", m.provenance().mnistkitVersion());
    assertFalse(m.provenance().created().isPresent());
    assertEquals(8, m.numFeatures());
    assertEquals(3, m.nComponents());
    assertInstanceOf(PcaModel.class, Models.load(file));

    // the saved thread count (2, at byte 45) is ignored, whatever it is
    byte[] v1 = Files.readAllBytes(file);
    assertEquals(2, ByteBuffer.wrap(v1).getInt(45));
    Path other = dir.resolve("threads.mkpc");
    Files.write(other, withInt(v1, 45, 0));
    assertEquals(expected, PcaModel.load(other).transform(probe, 3));
    // the checks apply to version-1 files too
    assertBadFile(other, withInt(v1, 8, -3), PcaModel::load, "nRows must be >= 1, got -3");
    assertBadFile(other, withInt(v1, 16, 0), PcaModel::load,
        "invalid PCA settings: nComponents must be >= 1, got 0");

    // saved again, it becomes a version-2 file with the same model and provenance
    Path again = dir.resolve("again.mkpc");
    m.save(again);
    assertEquals(2, ByteBuffer.wrap(Files.readAllBytes(again)).getInt(4));
    assertSamePca(m, PcaModel.load(again));
  }

  @Test
  void modelsLoadFindsThePca() throws IOException {
    Path file = dir.resolve("any.model");
    PcaModel a = Pca.builder().nComponents(2).build().fit(data(20, 6));
    a.save(file);
    assertSamePca(a, assertInstanceOf(PcaModel.class, Models.load(file)));
  }

  private byte[] goodFile() throws IOException {
    Path file = dir.resolve("good.pca");
    Pca.builder().nComponents(3).build().fit(data(40, 3)).save(file);
    return Files.readAllBytes(file);
  }

  @Test
  void foreignShortFutureAndCorruptFilesAreRejected() throws IOException {
    Path bad = dir.resolve("bad.pca");
    assertBadFile(bad, "hello world, not a model".getBytes(StandardCharsets.US_ASCII),
        PcaModel::load, "is not a mnistkit model file (magic hell), not a PCA (MKPC) file");
    byte[] good = goodFile();
    byte[] future = good.clone();
    ByteBuffer.wrap(future).putInt(4, 7);
    assertBadFile(bad, future, PcaModel::load,
        "unsupported PCA file version 7 (this build reads 1..2)");
    for (int at : new int[] {20, good.length / 2, good.length - 5}) {
      byte[] flipped = good.clone();
      flipped[at] ^= 0x10;
      assertBadFile(bad, flipped, PcaModel::load, "checksum mismatch (stored 0x",
          "the file is truncated or corrupted");
    }
    for (int length : new int[] {0, 3, 11}) {
      assertBadFile(bad, Arrays.copyOf(good, length), PcaModel::load,
          "not a mnistkit PCA file: " + length + " bytes is too short");
    }
    assertCutAndMissingFilesRejected(bad, good, PcaModel::load, 12, 40, good.length / 2,
        good.length - 1);
  }

  @Test
  void filesOfOtherKindsAreNamed() throws IOException {
    Path bad = dir.resolve("bad.pca");
    Path forest = otherKind(dir.resolve("model.mkrf"), "MKRF", "random forest");
    assertBadFile(bad, Files.readAllBytes(forest), PcaModel::load,
        "holds a mnistkit random forest (MKRF), not a PCA (MKPC) file");
    Path network = otherKind(dir.resolve("model.mknn"), "MKNN", "network");
    assertBadFile(bad, Files.readAllBytes(network), PcaModel::load,
        "holds a mnistkit network (MKNN), not a PCA (MKPC) file");
    byte[] oldForest = withCrc(ByteBuffer.allocate(16).putInt(0x4D4B5246).putInt(1).array());
    assertBadFile(bad, oldForest, PcaModel::load, "holds a mnistkit random forest (MKRF) saved "
        + "in format version 1, not a PCA (MKPC) file");
  }

  @Test
  void bodiesWithAValidChecksumAreStillChecked() throws IOException {
    Path bad = dir.resolve("bad.pca");
    byte[] good = goodFile();
    int shape = blockContent(good, "shape", 0);
    int settings = blockContent(good, "settings", shape);
    int columns = blockContent(good, "columns", settings);
    int svd = blockContent(good, "svd", columns);
    assertBadFile(bad, withInt(good, shape, -3), PcaModel::load, "nRows must be >= 1, got -3");
    // a size claiming a huge matrix in a small file fails before anything is allocated
    assertBadFile(bad, withInt(good, shape, 1 << 28), PcaModel::load,
        "truncated: U need 3221225472 bytes at byte", "remain in the block");
    assertBadFile(bad, withInt(good, shape, 1 << 30), PcaModel::load,
        "U of 1073741824 x 3 values cannot be held in an array");
    assertBadFile(bad, withInt(good, shape + 4, Integer.MAX_VALUE), PcaModel::load,
        "truncated: column centres need 17179869176 bytes");
    assertBadFile(bad, withInt(good, settings, 0), PcaModel::load,
        "invalid PCA settings: nComponents must be >= 1, got 0");
    byte[] badBoolean = good.clone();
    badBoolean[settings + 4] = 2;
    assertBadFile(bad, withCrc(badBoolean), PcaModel::load, "center must be 0 or 1, got 2");
    assertBadFile(bad, withInt(good, svd, 13), PcaModel::load,
        "number of components k must be in 1..11, got 13");
    assertBadFile(bad, withInt(good, svd, 2), PcaModel::load,
        "the SVD has 2 components but the settings say nComponents = 3");
    assertBadFile(bad, withDouble(good, columns + 8, Double.NaN), PcaModel::load,
        "column centre 0 must be finite, got NaN");
    int singular = svd + 4 + (2 + "irlba".length()) + 4 + 4 + 1;
    assertBadFile(bad, withDouble(good, singular, -1), PcaModel::load,
        "singular value 0 must be finite and >= 0, got -1.0");
    assertBadFile(bad, withInt(good, singular + 3 * 8, 0x7FC00000), PcaModel::load,
        "U and V must hold finite values");
    assertBadFile(bad, withText(good, "data.rows=40", "data.rows=41"), PcaModel::load,
        "the provenance says the PCA was fitted on 41 x 12 but the model holds 40 x 12");
    assertBadFile(bad, withText(good, "settings", "settingz"), PcaModel::load,
        "expected block 'settings' at byte", "found 'settingz'");
    ByteBuffer lengths = ByteBuffer.wrap(good);
    assertBadFile(bad, withInt(good, shape - 4, (int) lengths.getLong(shape - 8) + 1),
        PcaModel::load, "block 'shape' has 1 unread bytes");
    byte[] longer = Arrays.copyOf(good, good.length + 4);
    System.arraycopy(good, good.length - 4, longer, good.length - 4, 4);
    assertBadFile(bad, withCrc(longer), PcaModel::load, "4 unexpected bytes after the last block");
  }

  @Test
  void scalesMustBePositive() throws IOException {
    Path file = dir.resolve("scaled.pca");
    Pca.builder().nComponents(2).scale(true).build().fit(data(20, 8)).save(file);
    byte[] good = Files.readAllBytes(file);
    int columns = blockContent(good, "columns", 0);
    assertBadFile(dir.resolve("bad.pca"), withDouble(good, columns + 8 + 8 * 12, 0.0),
        PcaModel::load, "column scale 0 must be finite and > 0, got 0.0");
  }

  @Test
  void aSaveThatFailsHalfWayLeavesTheOldFileIntact() throws IOException {
    PcaModel m = Pca.builder().nComponents(2).build().fit(data(30, 4));
    Path file = dir.resolve("model.pca");
    m.save(file);
    PcaModel bigger = Pca.builder().nComponents(5).build().fit(data(20_000, 7));
    assertHalfWaySaveKeepsTheOldFile(file, PcaIO.FORMAT, bigger.provenance(),
        out -> PcaIO.writeBody(bigger, out));
    assertSamePca(m, PcaModel.load(file));
  }

  @Test
  void failedSavesToDirectoriesLeaveNothingBehind() throws IOException {
    PcaModel m = Pca.builder().nComponents(2).build().fit(data(30, 4));
    assertFailedSavesLeaveNothing(dir, m::save);
  }

  @Test
  void transformChecksItsArguments() {
    PcaModel m = Pca.builder().nComponents(2).build().fit(data(30, 4));
    assertEquals("threads must be >= 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> m.transform(data(3, 1), 0))
            .getMessage());
    assertEquals("x must have 12 columns like the training data, got 3",
        assertThrows(IllegalArgumentException.class,
            () -> m.transform(Fixtures.gaussian(2, 3, 1), 1)).getMessage());
  }
}
