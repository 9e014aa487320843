package org.mnistkit.eda.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.mnistkit.core.io.FileFormatException;
import org.mnistkit.core.io.ModelFormat;
import org.mnistkit.core.io.ModelWriter;
import org.mnistkit.core.model.Provenance;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.eda.svd.PcaModel;
import org.mnistkit.eda.svd.SvdResult;

/**
 * Helpers for the save/load tests: broken-file checks, block offsets, the checked-in version-1
 * files and model comparison.
 */
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
   * Calls {@link ModelWriter#write} with a body that runs a model's real layout writer and then
   * fails ("disk full"), and checks that the file that was there is untouched and that no
   * temporary file is left in its folder.
   *
   * @param file an existing model file, alone in its folder
   * @param format the model kind
   * @param provenance the provenance to write
   * @param layout the model's layout writer, such as {@code out -> PcaIO.writeBody(model, out)}
   * @throws IOException when reading the file fails
   */
  public static void assertHalfWaySaveKeepsTheOldFile(Path file, ModelFormat format,
      Provenance provenance, ModelWriter.Body layout) throws IOException {
    byte[] before = Files.readAllBytes(file);
    IOException e = assertThrows(IOException.class,
        () -> ModelWriter.write(file, format, provenance, out -> {
          layout.writeTo(out);
          throw new IOException("disk full");
        }));
    assertEquals("disk full", e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(file));
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertEquals(1, files.count(), "no temporary file left");
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
  public static FileFormatException assertBadFile(Path file, byte[] bytes, Loader loader,
      String... parts) throws IOException {
    Files.write(file, bytes);
    FileFormatException e = assertThrows(FileFormatException.class, () -> loader.load(file));
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

  /**
   * @return a copy with the 8-byte double at the offset replaced and the checksum recomputed
   */
  public static byte[] withDouble(byte[] bytes, int offset, double value) {
    byte[] copy = bytes.clone();
    ByteBuffer.wrap(copy).putDouble(offset, value);
    return withCrc(copy);
  }

  /**
   * @return a copy with the first occurrence of the ASCII text replaced by another of the same
   *     length and the checksum recomputed
   */
  public static byte[] withText(byte[] bytes, String text, String replacement) {
    byte[] find = text.getBytes(StandardCharsets.US_ASCII);
    byte[] put = replacement.getBytes(StandardCharsets.US_ASCII);
    assertEquals(find.length, put.length);
    int at = indexOf(bytes, find, 0);
    assertTrue(at >= 0, "'" + text + "' not found");
    byte[] copy = bytes.clone();
    System.arraycopy(put, 0, copy, at, put.length);
    return withCrc(copy);
  }

  /**
   * Finds a block written by {@link ModelWriter#block}: its tag (an unsigned short length and
   * UTF-8, which no text or provenance line can contain) and its long length.
   *
   * @param bytes a version-2 model file
   * @param tag the block's tag
   * @param from where to start looking
   * @return the offset of the block's first content byte; the length stands 8 bytes before it
   */
  public static int blockContent(byte[] bytes, String tag, int from) {
    byte[] t = tag.getBytes(StandardCharsets.UTF_8);
    byte[] find = new byte[t.length + 2];
    find[1] = (byte) t.length;
    System.arraycopy(t, 0, find, 2, t.length);
    int at = indexOf(bytes, find, from);
    assertTrue(at >= 0, "block '" + tag + "' not found");
    return at + find.length + Long.BYTES;
  }

  private static int indexOf(byte[] bytes, byte[] find, int from) {
    outer:
    for (int i = from; i + find.length <= bytes.length; i++) {
      for (int j = 0; j < find.length; j++) {
        if (bytes[i + j] != find[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /**
   * Writes a valid model file of another kind, as the forest or the network writes its own.
   *
   * @param file the file
   * @param magic its magic, such as "MKRF"
   * @param kind its kind, such as "random forest"
   * @return the file
   * @throws IOException when writing fails
   */
  public static Path otherKind(Path file, String magic, String kind) throws IOException {
    ModelWriter.write(file, new ModelFormat(magic, kind, 2),
        Provenance.version1(3, 2, Map.of("trees", 1), 1), out -> out.block("body",
            o -> o.writeInt(7)));
    return file;
  }

  /**
   * @param name a file under {@code org/mnistkit/eda/v1/} of the test resources
   * @return its path
   */
  public static Path version1File(String name) {
    try {
      return Path.of(ModelFiles.class.getResource("/org/mnistkit/eda/v1/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads a matrix written one row a line, values separated by spaces in {@code Float.toString}
   * form (the checked-in probe rows and outputs), so that it is read back exactly.
   *
   * @param name a file under {@code org/mnistkit/eda/v1/}
   * @return the matrix
   * @throws IOException when reading fails
   */
  public static FloatMatrix version1Rows(String name) throws IOException {
    List<String> lines = Files.readAllLines(version1File(name));
    int cols = lines.get(0).trim().split(" ").length;
    FloatMatrix m = FloatMatrix.zeros(lines.size(), cols);
    for (int i = 0; i < lines.size(); i++) {
      String[] v = lines.get(i).trim().split(" ");
      assertEquals(cols, v.length, name + " line " + (i + 1));
      for (int j = 0; j < cols; j++) {
        m.set(i, j, Float.parseFloat(v[j]));
      }
    }
    return m;
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

  /**
   * Asserts that two PCA models report exactly the same values, bit for bit, and the same
   * provenance (thread counts are not model state and are not compared).
   */
  public static void assertSamePca(PcaModel a, PcaModel b) {
    assertEquals(a.provenance(), b.provenance());
    assertEquals(a.numFeatures(), b.numFeatures());
    assertEquals(a.settings().nComponents(), b.settings().nComponents());
    assertEquals(a.settings().center(), b.settings().center());
    assertEquals(a.settings().scale(), b.settings().scale());
    assertEquals(a.settings().method(), b.settings().method());
    assertEquals(a.settings().tol(), b.settings().tol());
    assertEquals(a.settings().seed(), b.settings().seed());
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
