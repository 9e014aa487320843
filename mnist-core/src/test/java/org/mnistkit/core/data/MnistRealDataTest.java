package org.mnistkit.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mnistkit.core.idx.IdxArray;
import org.mnistkit.core.idx.IdxReader;
import org.mnistkit.core.idx.IdxType;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.core.testing.RealData;

/**
 * Facts about the real MNIST files, from shared/DESIGN.md. Fetches them on first use; skipped with
 * the reason where no source can provide them (see {@link RealData}), failed under CI=true.
 */
@Tag("mnist")
class MnistRealDataTest {

  private static MnistDataset mnist;

  @BeforeAll
  static void load() throws IOException {
    mnist = RealData.mnist();
  }

  @Test
  void cachedFilesHaveThePublishedChecksums() throws Exception {
    for (DatasetFile f : DatasetSpec.MNIST.files()) {
      Path p = DatasetCache.locate(mnist.dir(), f.name());
      assertEquals(f.sha256(), sha256(p), f.name());
    }
    assertEquals("ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
        sha256(DatasetCache.locate(mnist.dir(), "train-images-idx3-ubyte")));
  }

  @Test
  void shapesAndLabelCountsMatchTheMnistFacts() {
    assertArrayEquals(new int[] {60000, 28, 28}, mnist.train().shape());
    assertArrayEquals(new int[] {10000, 28, 28}, mnist.test().shape());
    assertArrayEquals(new int[] {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949},
        mnist.train().labelCounts());
    assertArrayEquals(new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009},
        mnist.test().labelCounts());
    assertEquals(9, mnist.train().label(4), "the fifth training image is a 9");
  }

  @Test
  void reshapedScaledAndOneHot() {
    FloatMatrix x = mnist.train().toScaledMatrix();
    assertArrayEquals(new int[] {60000, 784}, x.shape());
    float min = Float.MAX_VALUE;
    float max = -Float.MAX_VALUE;
    for (float v : x.data()) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    assertEquals(0f, min);
    assertEquals(1f, max);
    // row-major: pixel (r, c) of image 4 is column r * 28 + c
    assertEquals((mnist.train().images().getInt(4 * 784 + 14 * 28 + 15)) / 255f, x.get(4, 14 * 28 + 15));
    FloatMatrix y = mnist.train().toCategorical();
    assertArrayEquals(new int[] {60000, 10}, y.shape());
    for (int r = 0; r < y.rows(); r++) {
      double sum = 0;
      for (int c = 0; c < 10; c++) {
        sum += y.get(r, c);
      }
      assertEquals(1.0, sum, "row " + r);
    }
  }

  @Test
  void theIdxReaderReadsTheRawFileItself() throws Exception {
    // Figures computed outside Java from the raw file (its SHA-256 is the published one):
    //   python3 -c "d = open('t10k-images-idx3-ubyte', 'rb').read()[16:]; import hashlib;
    //               print(hashlib.sha256(d).hexdigest(), sum(d), sum(d[:784]))"
    String pixelsSha256 = "6d87418db22cc8025d05968bec9bd5c3932904b23485740db143a061a2c9d161";
    IdxArray read = IdxReader.read(DatasetCache.locate(mnist.dir(), "t10k-images-idx3-ubyte"));
    assertEquals(IdxType.UBYTE, read.type());
    assertArrayEquals(new int[] {10000, 28, 28}, read.shape());
    assertEquals(pixelsSha256, sha256(read.toByteArray()));
    assertEquals(pixelsSha256, sha256(mnist.test().images().toByteArray()), "the loader's test images");
    long sum = 0;
    for (byte b : read.toByteArray()) {
      sum += b & 0xff;
    }
    assertEquals(264923200L, sum, "sum of every test pixel");
    long first = 0;
    for (int i = 0; i < 784; i++) {
      first += mnist.test().images().getInt(i);
    }
    assertEquals(18454L, first, "sum of the first test image's pixels (a 7)");
    assertEquals(7, mnist.test().label(0));
  }

  private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static String sha256(Path p) throws IOException, NoSuchAlgorithmException {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    try (InputStream raw = Files.newInputStream(p);
        InputStream in = new DigestInputStream(p.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw, md)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
