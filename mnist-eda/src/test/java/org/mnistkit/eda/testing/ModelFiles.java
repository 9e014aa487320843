package org.mnistkit.eda.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.mnistkit.eda.io.EdaFormatException;
import org.mnistkit.eda.svd.PcaModel;
import org.mnistkit.eda.svd.SvdResult;

/** Helpers for the save/load tests: broken-file checks and model comparison. */
public final class ModelFiles {

  private ModelFiles() {}

  /** Loads a model file, as PcaModel::load or UmapModel::load. */
  @FunctionalInterface
  public interface Loader {
    /** @param file the file @return the model @throws IOException when loading fails */
    Object load(Path file) throws IOException;
  }

  /** Saves a model, as model::save. */
  @FunctionalInterface
  public interface Saver {
    /** @param file the target @throws IOException when saving fails */
    void save(Path file) throws IOException;
  }

  /**
   * Checks that saves that cannot succeed (the target is a directory, empty or not, or its parent
   * is a regular file) throw an IOException and leave everything as it was, no temporary file
   * included.
   *
   * @param dir an empty folder to work in
   * @param saver the save method under test
   * @throws IOException when preparing the folder fails
   */
  public static void assertFailedSavesLeaveNothing(Path dir, Saver saver) throws IOException {
    Path full = dir.resolve("full");
    Files.createDirectories(full.resolve("inside"));
    Path empty = Files.createDirectory(dir.resolve("empty"));
    Path plain = Files.writeString(dir.resolve("plain"), "x");
    for (Path target : new Path[] {full, empty, plain.resolve("model")}) {
      assertThrows(IOException.class, () -> saver.save(target), target.toString());
    }
    assertTrue(Files.isDirectory(full.resolve("inside")));
    assertTrue(Files.isDirectory(empty));
    assertEquals("x", Files.readString(plain));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(3, files.count(), "no temporary file left");
    }
  }

  /**
   * Writes bytes to a file, loads it and checks the format exception.
   *
   * @param file where to write the broken file
   * @param bytes its content
   * @param loader the load method under test
   * @param parts texts the message must contain
   * @return the exception
   * @throws IOException when writing the file fails
   */
  public static EdaFormatException assertBadFile(Path file, byte[] bytes, Loader loader,
      String... parts) throws IOException {
    Files.write(file, bytes);
    EdaFormatException e = assertThrows(EdaFormatException.class, () -> loader.load(file));
    assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "expected '" + part + "' in: " + e.getMessage());
    }
    assertEquals(file, e.file());
    return e;
  }

  /**
   * Checks that the file cut at each length fails its checksum, and that a missing file gives a
   * NoSuchFileException naming it.
   *
   * @param bad where to write the cut files
   * @param good a valid file's bytes
   * @param loader the load method under test
   * @param lengths lengths of at least 12 bytes (a header and a checksum) to cut at
   * @throws IOException when writing a file fails
   */
  public static void assertCutAndMissingFilesRejected(Path bad, byte[] good, Loader loader,
      int... lengths) throws IOException {
    for (int length : lengths) {
      assertBadFile(bad, Arrays.copyOf(good, length), loader, "checksum mismatch");
    }
    Path missing = bad.resolveSibling("missing-" + bad.getFileName());
    NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> loader.load(missing));
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }

  /** @return the bytes with the CRC-32 trailer recomputed, so that only the body checks apply */
  public static byte[] withCrc(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 4);
    ByteBuffer.wrap(bytes).putInt(bytes.length - 4, (int) crc.getValue());
    return bytes;
  }

  /** @return a copy with the int at the offset replaced and the checksum recomputed */
  public static byte[] withInt(byte[] bytes, int offset, int value) {
    byte[] copy = bytes.clone();
    ByteBuffer.wrap(copy).putInt(offset, value);
    return withCrc(copy);
  }

  /** @return the offset of the first occurrence of the 4-byte big-endian value, or -1 */
  public static int indexOfInt(byte[] bytes, int value) {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    for (int i = 0; i + 4 <= bytes.length; i++) {
      if (b.getInt(i) == value) {
        return i;
      }
    }
    return -1;
  }

  /** Asserts that two PCA models report exactly the same values, bit for bit. */
  public static void assertSamePca(PcaModel a, PcaModel b) {
    assertEquals(a.settings().nComponents(), b.settings().nComponents());
    assertEquals(a.settings().center(), b.settings().center());
    assertEquals(a.settings().scale(), b.settings().scale());
    assertEquals(a.settings().method(), b.settings().method());
    assertEquals(a.settings().tol(), b.settings().tol());
    assertEquals(a.settings().seed(), b.settings().seed());
    assertEquals(a.settings().threads(), b.settings().threads());
    assertEquals(a.nRows(), b.nRows());
    assertEquals(a.nCols(), b.nCols());
    assertEquals(a.nComponents(), b.nComponents());
    assertArrayEquals(a.center(), b.center());
    assertArrayEquals(a.scale(), b.scale());
    assertEquals(a.rotation(), b.rotation());
    assertEquals(a.scores(), b.scores());
    assertArrayEquals(a.sdev(), b.sdev());
    assertEquals(a.totalVariance(), b.totalVariance());
    assertArrayEquals(a.explainedVarianceRatio(), b.explainedVarianceRatio());
    SvdResult s = a.svd();
    SvdResult t = b.svd();
    assertArrayEquals(s.singularValues(), t.singularValues());
    assertEquals(s.u(), t.u());
    assertEquals(s.v(), t.v());
    assertEquals(s.iterations(), t.iterations());
    assertEquals(s.restarts(), t.restarts());
    assertEquals(s.matrixVectorProducts(), t.matrixVectorProducts());
    assertEquals(s.converged(), t.converged());
    assertEquals(s.method(), t.method());
    assertEquals(a.toString(), b.toString());
  }
}
