package org.mnistkit.eda.svd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistkit.eda.testing.ModelFiles.assertBadFile;
import static org.mnistkit.eda.testing.ModelFiles.assertCutAndMissingFilesRejected;
import static org.mnistkit.eda.testing.ModelFiles.assertFailedSavesLeaveNothing;
import static org.mnistkit.eda.testing.ModelFiles.assertSamePca;
import static org.mnistkit.eda.testing.ModelFiles.withCrc;
import static org.mnistkit.eda.testing.ModelFiles.withInt;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
    assertEquals(a.transform(fresh), b.transform(fresh));
    return b;
  }

  @Test
  void centredModelRoundTrips() throws IOException {
    PcaModel b = roundTrip(Pca.builder().nComponents(4).seed(9).tol(1e-7).threads(2).build(),
        "centred.pca");
    assertNotNull(b.center());
    assertNull(b.scale());
    assertEquals(1e-7, b.settings().tol());
    assertEquals(9, b.settings().seed());
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

  private byte[] goodFile() throws IOException {
    Path file = dir.resolve("good.pca");
    Pca.builder().nComponents(3).build().fit(data(40, 3)).save(file);
    return Files.readAllBytes(file);
  }

  @Test
  void foreignShortFutureAndCorruptFilesAreRejected() throws IOException {
    Path bad = dir.resolve("bad.pca");
    assertBadFile(bad, "hello world, not a model".getBytes(StandardCharsets.US_ASCII),
        PcaModel::load,
        "not a mnistkit PCA file (magic 0x68656C6C \"hell\", expected 0x4D4B5043 \"MKPC\")");
    byte[] good = goodFile();
    byte[] future = good.clone();
    ByteBuffer.wrap(future).putInt(4, 7);
    assertBadFile(bad, future, PcaModel::load,
        "unsupported PCA file version 7 (this build reads 1)");
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
    assertCutAndMissingFilesRejected(bad, good, PcaModel::load, 12, 40, good.length / 2, good.length - 1);
  }

  @Test
  void bodiesWithAValidChecksumAreStillChecked() throws IOException {
    Path bad = dir.resolve("bad.pca");
    byte[] good = goodFile();
    assertBadFile(bad, withInt(good, 8, -3), PcaModel::load, "nRows must be >= 1, got -3");
    // a header claiming a huge matrix in a small file fails before anything is allocated
    assertBadFile(bad, withInt(good, 8, 1 << 28), PcaModel::load,
        "truncated: U need 3221225472 bytes at byte");
    assertBadFile(bad, withInt(good, 8, 1 << 30), PcaModel::load,
        "U of 1073741824 x 3 values cannot be held in an array");
    assertBadFile(bad, withInt(good, 12, Integer.MAX_VALUE), PcaModel::load,
        "truncated: column centres need 17179869176 bytes");
    assertBadFile(bad, withInt(good, 16, 0), PcaModel::load,
        "invalid PCA settings: nComponents must be >= 1, got 0");
    byte[] badBoolean = good.clone();
    badBoolean[20] = 2;
    assertBadFile(bad, withCrc(badBoolean), PcaModel::load,
        "center must be 0 or 1, got 2");
    // k is stored after settings (4 + 1 + 1 + 2 + 5 + 8 + 8 + 4), total variance and centres
    int kAt = 8 + 8 + 33 + 8 + 8 * 12;
    assertEquals(3, ByteBuffer.wrap(good).getInt(kAt));
    assertBadFile(bad, withInt(good, kAt, 13), PcaModel::load,
        "number of components k must be in 1..11, got 13");
    assertBadFile(bad, withInt(good, kAt, 2), PcaModel::load,
        "the SVD has 2 components but the settings say nComponents = 3");
    byte[] nanCentre = good.clone();
    ByteBuffer.wrap(nanCentre).putDouble(kAt - 8 * 12, Double.NaN);
    assertBadFile(bad, withCrc(nanCentre), PcaModel::load, "column centre 0 must be finite, got NaN");
    byte[] longer = Arrays.copyOf(good, good.length + 4);
    System.arraycopy(good, good.length - 4, longer, good.length - 4, 4);
    assertBadFile(bad, withCrc(longer), PcaModel::load,
        "4 unexpected bytes after the last block");
  }

  @Test
  void failedSaveLeavesNothingBehind() throws IOException {
    PcaModel m = Pca.builder().nComponents(2).build().fit(data(30, 4));
    assertFailedSavesLeaveNothing(dir, m::save);
  }

}
