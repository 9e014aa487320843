package org.mnistkit.core.io;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.mnistkit.core.model.Provenance;
import org.mnistkit.core.tensor.FloatMatrix;

/**
 * Reads a mnistkit model file strictly: the framing of {@link ModelWriter} (layout version 2 and
 * later) and the version-1 files that PCA, UMAP and forest models were saved in before it (the
 * same magic number, version and CRC-32 trailer, with the fields written one after another and no
 * blocks or provenance).
 *
 * <p>{@link #open} checks the magic number, the version and the CRC-32 trailer before anything is
 * parsed; a file of another mnistkit kind is named ("holds a random forest (MKRF), not a network
 * (MKNN)"). Then every read checks that the bytes it needs lie inside the current block (or
 * before the trailer), so a size that claims a huge array fails with a {@link
 * FileFormatException} ("truncated: ...") before anything is allocated. The counting and range
 * checks ({@link #readCount}, {@link #readIndices}) give messages such as {@code "model.umap: nRows
 * must be >= 1, got -3"}. Not thread-safe.
 */
public final class ModelReader implements Closeable {

  /** Reads a block's content. */
  @FunctionalInterface
  public interface Block<T> {
    /**
     * @param in the file being read, at the start of the block's content
     * @return what the block holds
     * @throws IOException when the block is invalid or reading fails
     */
    T readFrom(ModelReader in) throws IOException;
  }

  /** Copies {@code len} values from the start of a buffer into an array at {@code from}. */
  @FunctionalInterface
  private interface Get {
    void get(ByteBuffer buffer, int from, int len);
  }

  private static final int CHUNK = 1 << 16;
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

  private final Path file;
  private final InputStream in;
  private final ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
  private final Deque<Long> blockEnds = new ArrayDeque<>();
  private final int version;
  private long position;
  private long end; // end of the innermost open block, or of the data before the trailer
  private Provenance provenance;

  private ModelReader(Path file, long end, int version) throws IOException {
    this.file = file;
    this.end = end;
    this.version = version;
    this.in = new BufferedInputStream(Files.newInputStream(file), CHUNK);
  }

  /**
   * Opens a model file after checking its header and checksum, and reads its provenance. The
   * reader is then at the model's first block (version 2 and later) or just after the version
   * (version 1).
   *
   * @param file a model file
   * @param format the kind expected; files of layout version 1 up to {@link ModelFormat#version()}
   *     are accepted, and {@link #version()} says which one this is
   * @return the open reader; close it
   * @throws java.nio.file.NoSuchFileException when the file does not exist
   * @throws FileFormatException when the file is too short, is of another kind (naming both
   *     kinds when the file is a mnistkit model), has a version this build does not read, or fails
   *     its checksum (truncated or corrupted)
   * @throws IOException when reading fails
   */
  public static ModelReader open(Path file, ModelFormat format) throws IOException {
    long size = Files.size(file);
    int foundVersion = ModelFileChecks.check(file, size, format);
    ModelReader reader = new ModelReader(file, size - ModelFileChecks.TRAILER, foundVersion);
    try {
      reader.readInt();
      reader.readInt();
      if (foundVersion >= 2) {
        String kind = reader.readName(64, "kind");
        if (!kind.equals(format.kind())) {
          throw reader.fail(String.format(Locale.ROOT, "names its kind '%s', expected '%s'", kind,
              format.kind()));
        }
        reader.provenance = reader.readProvenance();
      }
      return reader;
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  /** @return the file being read */
  public Path file() {
    return file;
  }

  /** @return the file's layout version: 1 for files written before the shared framing, else 2 or more */
  public int version() {
    return version;
  }

  /**
   * @return the provenance block of a version-2 (or later) file
   * @throws IllegalStateException for a version-1 file, which has none: the model's reader builds
   *     one with {@link Provenance#version1}
   */
  public Provenance provenance() {
    if (provenance == null) {
      throw new IllegalStateException(file + " is a version-1 file and has no provenance block");
    }
    return provenance;
  }

  /**
   * @param problem what is wrong, with the expected and the found value
   * @return an exception naming this file, for the caller to throw
   */
  public FileFormatException fail(String problem) {
    return new FileFormatException(file, problem);
  }

  /**
   * Reads a block written by {@link ModelWriter#block}: checks its tag and that its length fits
   * in what is left, lets {@code reader} read the content, and checks that all of it was read.
   *
   * @param tag the expected tag
   * @param reader reads the content; it cannot read past the block's end
   * @param <T> what the block holds
   * @return what reader returned
   * @throws FileFormatException when the next block has another tag, claims more bytes than are
   *     left, or is not read exactly to its end
   * @throws IOException when reading fails
   */
  public <T> T block(String tag, Block<T> reader) throws IOException {
    String found = readName(64, "block tag");
    if (!found.equals(tag)) {
      throw fail(String.format(Locale.ROOT, "expected block '%s' at byte %d, found '%s'", tag,
          position, found));
    }
    long length = readLong();
    if (length < 0 || length > end - position) {
      throw fail(String.format(Locale.ROOT,
          "truncated: block '%s' claims %d bytes at byte %d but only %d remain", tag, length,
          position, end - position));
    }
    blockEnds.push(end);
    end = position + length;
    T value = reader.readFrom(this);
    if (position != end) {
      throw fail(String.format(Locale.ROOT, "block '%s' has %d unread bytes", tag, end - position));
    }
    end = blockEnds.pop();
    return value;
  }

  /**
   * Reads a block written by {@link ModelWriter#writeProvenance}; {@link #open} reads the model's
   * own, a model that holds another (UMAP's PCA) reads that one's with this.
   *
   * @return the provenance
   * @throws FileFormatException when the next block is not "provenance" or an entry is missing or
   *     does not parse
   * @throws IOException when reading fails
   */
  public Provenance readProvenance() throws IOException {
    return block("provenance", r -> Provenance.fromProperties(r.readProperties(), file));
  }

  /**
   * Reads a section of a model that exists in both layouts: a block with this tag in version 2
   * and later, the same fields one after another, without a block, in version 1.
   *
   * @param tag the block's tag in version 2 and later
   * @param fields reads the section's fields
   * @param <T> what the section holds
   * @return what fields returned
   * @throws FileFormatException as {@link #block}
   * @throws IOException when reading fails
   */
  public <T> T section(String tag, Block<T> fields) throws IOException {
    return version == 1 ? fields.readFrom(this) : block(tag, fields);
  }

  /**
   * Reads and checks the header of a nested version-1 block (a PCA inside a version-1 UMAP file).
   *
   * @param magic the expected magic number
   * @param expectedVersion the one version this block may have
   * @param what the block, for messages, such as "PCA block"
   * @throws FileFormatException when the magic number or the version differs
   * @throws IOException when reading fails
   */
  public void header(int magic, int expectedVersion, String what) throws IOException {
    int foundMagic = readInt();
    int foundVersion = readInt();
    if (foundMagic != magic) {
      throw fail(String.format(Locale.ROOT, "not a mnistkit %s (magic %s, expected %s)", what,
          ModelFileChecks.magicText(foundMagic), ModelFileChecks.magicText(magic)));
    }
    if (foundVersion != expectedVersion) {
      throw fail(String.format(Locale.ROOT, "unsupported %s version %d (expected %d)", what,
          foundVersion, expectedVersion));
    }
  }

  /**
   * @return the next 4 bytes as an int
   * @throws IOException when truncated or reading fails
   */
  public int readInt() throws IOException {
    return fill(Integer.BYTES, "an int").getInt(0);
  }

  /**
   * @return the next 8 bytes as a long
   * @throws IOException when truncated or reading fails
   */
  public long readLong() throws IOException {
    return fill(Long.BYTES, "a long").getLong(0);
  }

  /**
   * @return the next 4 bytes as a float
   * @throws IOException when truncated or reading fails
   */
  public float readFloat() throws IOException {
    return fill(Float.BYTES, "a float").getFloat(0);
  }

  /**
   * @return the next 8 bytes as a double
   * @throws IOException when truncated or reading fails
   */
  public double readDouble() throws IOException {
    return fill(Double.BYTES, "a double").getDouble(0);
  }

  /**
   * @param what the value, for messages
   * @return the next byte, which must be 0 or 1
   * @throws IOException when it is another byte, when truncated, or when reading fails
   */
  public boolean readBoolean(String what) throws IOException {
    byte b = fill(1, what).get(0);
    if (b != 0 && b != 1) {
      throw fail(what + " must be 0 or 1, got " + b);
    }
    return b == 1;
  }

  /**
   * Reads an int that counts something and checks its range.
   *
   * @param name the field's name, for messages
   * @param min smallest valid value
   * @param max largest valid value
   * @return the value
   * @throws FileFormatException such as {@code "nRows must be >= 1, got -3"}
   * @throws IOException when reading fails
   */
  public int readCount(String name, int min, int max) throws IOException {
    int v = readInt();
    if (v < min || v > max) {
      throw fail(max == Integer.MAX_VALUE
          ? String.format(Locale.ROOT, "%s must be >= %d, got %d", name, min, v)
          : String.format(Locale.ROOT, "%s must be in %d..%d, got %d", name, min, max, v));
    }
    return v;
  }

  /**
   * Reads a name written by {@link ModelWriter#writeName}.
   *
   * @param maxLength the most bytes a valid name has
   * @param what the field, for messages
   * @return the name
   * @throws IOException when longer than maxLength, truncated, or reading fails
   */
  public String readName(int maxLength, String what) throws IOException {
    int length = fill(Short.BYTES, what).getShort(0) & 0xFFFF;
    if (length > maxLength) {
      throw fail(String.format(Locale.ROOT, "%s must have at most %d bytes, got %d", what,
          maxLength, length));
    }
    return new String(fill(length, what).array(), 0, length, StandardCharsets.UTF_8);
  }

  /**
   * Reads text written by {@link ModelWriter#writeText}.
   *
   * @param what the field, for messages
   * @return the text
   * @throws IOException when its length is negative or exceeds what is left, or reading fails
   */
  public String readText(String what) throws IOException {
    return new String(readBytes(readInt(), what), StandardCharsets.UTF_8);
  }

  /**
   * Reads {@code key=value} lines written as text (the provenance block's layout).
   *
   * @return the entries in file order
   * @throws IOException when a line has no '=', a key repeats, or reading fails
   */
  public Map<String, String> readProperties() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : readText("properties").split("\n", -1)) {
      if (line.isEmpty()) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 1) {
        throw fail("expected a key=value line, got '" + line + "'");
      }
      if (out.put(line.substring(0, eq), line.substring(eq + 1)) != null) {
        throw fail("key '" + line.substring(0, eq) + "' appears twice");
      }
    }
    return out;
  }

  /**
   * @param type the enum
   * @param what the field, for messages
   * @param <E> the enum type
   * @return the constant whose name was written by {@link ModelWriter#writeName}
   * @throws IOException when the name is not one of the constants, or reading fails
   */
  public <E extends Enum<E>> E readEnum(Class<E> type, String what) throws IOException {
    String name = readName(64, what);
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    throw fail(String.format(Locale.ROOT, "%s is '%s', expected one of %s", what, name,
        Arrays.toString(type.getEnumConstants())));
  }

  /**
   * @param count number of bytes, checked against the bytes left before allocating
   * @param what the array, for messages
   * @return the bytes
   * @throws IOException when fewer bytes remain, or reading fails
   */
  public byte[] readBytes(int count, String what) throws IOException {
    room(count, 1, what);
    byte[] a = new byte[count];
    bulk(count, 1, (b, from, len) -> b.get(a, from, len));
    return a;
  }

  /**
   * @param count number of values, checked against the bytes left before allocating
   * @param what the array, for messages
   * @return the values
   * @throws IOException when fewer bytes remain, or reading fails
   */
  public int[] readInts(int count, String what) throws IOException {
    room(count, Integer.BYTES, what);
    int[] a = new int[count];
    bulk(count, Integer.BYTES, (b, from, len) -> b.asIntBuffer().get(a, from, len));
    return a;
  }

  /**
   * @param count number of values, checked against the bytes left before allocating
   * @param what the array, for messages
   * @return the values
   * @throws IOException when fewer bytes remain, or reading fails
   */
  public long[] readLongs(int count, String what) throws IOException {
    room(count, Long.BYTES, what);
    long[] a = new long[count];
    bulk(count, Long.BYTES, (b, from, len) -> b.asLongBuffer().get(a, from, len));
    return a;
  }

  /**
   * Reads ints that index something and checks each.
   *
   * @param count number of values, checked against the bytes left before allocating
   * @param min smallest valid index
   * @param max largest valid index
   * @param what the array, for messages
   * @return the values
   * @throws IOException when a value is out of range, fewer bytes remain, or reading fails
   */
  public int[] readIndices(int count, int min, int max, String what) throws IOException {
    int[] a = readInts(count, what);
    for (int i = 0; i < count; i++) {
      if (a[i] < min || a[i] > max) {
        throw fail(String.format(Locale.ROOT, "%s[%d] is %d, expected %d..%d", what, i, a[i],
            min, max));
      }
    }
    return a;
  }

  /**
   * @param count number of values, checked against the bytes left before allocating
   * @param what the array, for messages
   * @return the values
   * @throws IOException when fewer bytes remain, or reading fails
   */
  public float[] readFloats(int count, String what) throws IOException {
    room(count, Float.BYTES, what);
    float[] a = new float[count];
    bulk(count, Float.BYTES, (b, from, len) -> b.asFloatBuffer().get(a, from, len));
    return a;
  }

  /**
   * @param count number of values, checked against the bytes left before allocating
   * @param what the array, for messages
   * @return the values
   * @throws IOException when fewer bytes remain, or reading fails
   */
  public double[] readDoubles(int count, String what) throws IOException {
    room(count, Double.BYTES, what);
    double[] a = new double[count];
    bulk(count, Double.BYTES, (b, from, len) -> b.asDoubleBuffer().get(a, from, len));
    return a;
  }

  /**
   * @param rows number of rows, already checked to be at least 0
   * @param cols number of columns, already checked to be at least 0
   * @param what the matrix, for messages
   * @return a rows x cols matrix read row-major
   * @throws IOException when fewer bytes remain, or reading fails
   */
  public FloatMatrix readMatrix(int rows, int cols, String what) throws IOException {
    return FloatMatrix.wrap(rows, cols, readFloats(arrayLength(rows, cols, what), what));
  }

  /**
   * @param rows number of rows, at least 0
   * @param cols values per row, at least 0
   * @param what the array, for messages
   * @return rows * cols
   * @throws FileFormatException when a factor is negative or the product does not fit in an array
   */
  public int arrayLength(int rows, int cols, String what) throws FileFormatException {
    long count = (long) rows * cols;
    if (rows < 0 || cols < 0 || count > MAX_ARRAY) {
      throw fail(String.format(Locale.ROOT, "%s of %d x %d values cannot be held in an array",
          what, rows, cols));
    }
    return (int) count;
  }

  /**
   * Ends reading.
   *
   * @throws FileFormatException when a block is still open or bytes are left before the checksum
   */
  public void finish() throws FileFormatException {
    if (!blockEnds.isEmpty() || position != end) {
      throw fail(String.format(Locale.ROOT,
          "%d unexpected bytes after the last block (at byte %d of %d)", end - position, position,
          end));
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private void room(int count, int width, String what) throws FileFormatException {
    if (count < 0) {
      throw fail(what + " has a negative length " + count);
    }
    long bytes = (long) count * width;
    if (bytes > end - position) {
      throw fail(String.format(Locale.ROOT,
          "truncated: %s need %d bytes at byte %d but only %d remain %s", what, bytes, position,
          end - position, blockEnds.isEmpty() ? "before the checksum" : "in the block"));
    }
  }

  /** Reads n bytes (at most CHUNK) into the start of the chunk buffer. */
  private ByteBuffer fill(int n, String what) throws IOException {
    room(n, 1, what);
    if (in.readNBytes(chunk.array(), 0, n) != n) {
      throw fail("truncated: the file ended while being read");
    }
    position += n;
    chunk.clear();
    return chunk;
  }

  private void bulk(int count, int width, Get get) throws IOException {
    int per = CHUNK / width;
    for (int from = 0; from < count; from += per) {
      int len = Math.min(per, count - from);
      get.get(fill(len * width, "array"), from, len);
    }
  }
}
