package org.mnistkit.eda.io;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.CRC32;
import org.mnistkit.core.tensor.FloatMatrix;

/**
 * Reads a file written by {@link ModelOutput}, strictly. {@link #open} checks the magic number and
 * version of the outer block and the CRC-32 trailer before anything is parsed; then every read
 * checks that the bytes it needs lie before the trailer, so a header that claims a huge array
 * fails with an {@link EdaFormatException} ("truncated: ...") before anything is allocated. The
 * counting and range checks ({@link #readCount}, {@link #readIndices}) produce messages such as
 * {@code "model.umap: nRows must be >= 1, got -3"}.
 */
public final class ModelInput implements Closeable {

  /** Reads a model's block, starting with its header. */
  @FunctionalInterface
  public interface Block<T> {
    /**
     * @param in the file being read, at the block's header
     * @return what the block holds
     * @throws IOException when the block is invalid or reading fails
     */
    T readFrom(ModelInput in) throws IOException;
  }

  /** Copies {@code len} values from the start of a buffer into an array at {@code from}. */
  @FunctionalInterface
  private interface Get {
    void get(ByteBuffer buffer, int from, int len);
  }

  private static final int CHUNK = 1 << 16;
  private static final int HEADER = 8;
  private static final int TRAILER = 4;
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

  private final Path file;
  private final InputStream in;
  private final long end;
  private final ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
  private long position;

  private ModelInput(Path file, long end) throws IOException {
    this.file = file;
    this.end = end;
    this.in = new BufferedInputStream(Files.newInputStream(file), CHUNK);
  }

  /**
   * Opens a model file after checking its outer header and checksum. The stream is at the start
   * of the file: the block reader reads the header again with {@link #header}, as nested blocks do.
   *
   * @param file a file written by {@link ModelOutput#write}
   * @param magic the expected magic number of the outer block
   * @param version the one format version this build reads
   * @param kind what the file should be, for messages, such as "UMAP"
   * @return the open input; close it
   * @throws java.nio.file.NoSuchFileException when the file does not exist
   * @throws EdaFormatException when the file is too short, has another magic number or version,
   *     or fails its checksum (truncated or corrupted)
   * @throws IOException when reading fails
   */
  public static ModelInput open(Path file, int magic, int version, String kind)
      throws IOException {
    long size = Files.size(file);
    if (size < HEADER + TRAILER) {
      throw new EdaFormatException(file, String.format(Locale.ROOT,
          "not a mnistkit %s file: %d bytes is too short for a header and checksum", kind, size));
    }
    verify(file, size, magic, version, kind + " file");
    return new ModelInput(file, size - TRAILER);
  }

  /**
   * Reads a whole model file: {@link #open}, the block, and {@link #finish}.
   *
   * @param file a file written by {@link ModelOutput#write}
   * @param magic the expected magic number of the block
   * @param version the one format version this build reads
   * @param kind what the file should be, for messages, such as "UMAP"
   * @param block reads the block, header included
   * @param <T> what the block holds
   * @return what the block reader returned
   * @throws java.nio.file.NoSuchFileException when the file does not exist
   * @throws EdaFormatException when the file or its block is invalid (see {@link #open})
   * @throws IOException when reading fails
   */
  public static <T> T read(Path file, int magic, int version, String kind, Block<T> block)
      throws IOException {
    try (ModelInput in = open(file, magic, version, kind)) {
      T value = block.readFrom(in);
      in.finish();
      return value;
    }
  }

  /** Checks the header, then the CRC-32 of all bytes before the trailer, in one pass. */
  private static void verify(Path file, long size, int magic, int version, String what)
      throws IOException {
    CRC32 crc = new CRC32();
    byte[] buf = new byte[CHUNK];
    int stored;
    try (InputStream s = Files.newInputStream(file)) {
      readFully(file, s, buf, HEADER);
      ByteBuffer h = ByteBuffer.wrap(buf, 0, HEADER);
      checkHeader(file, h.getInt(), h.getInt(), magic, version, what);
      crc.update(buf, 0, HEADER);
      for (long left = size - HEADER - TRAILER; left > 0; ) {
        int n = (int) Math.min(CHUNK, left);
        readFully(file, s, buf, n);
        crc.update(buf, 0, n);
        left -= n;
      }
      readFully(file, s, buf, TRAILER);
      stored = ByteBuffer.wrap(buf, 0, TRAILER).getInt();
    }
    int computed = (int) crc.getValue();
    if (stored != computed) {
      throw new EdaFormatException(file, String.format(Locale.ROOT,
          "checksum mismatch (stored 0x%08X, computed 0x%08X): the file is truncated or corrupted",
          stored, computed));
    }
  }

  private static void readFully(Path file, InputStream s, byte[] buf, int n) throws IOException {
    if (s.readNBytes(buf, 0, n) != n) {
      throw new EdaFormatException(file, "truncated: the file ended while being read");
    }
  }

  private static void checkHeader(Path file, int foundMagic, int foundVersion, int magic,
      int version, String what) throws EdaFormatException {
    if (foundMagic != magic) {
      throw new EdaFormatException(file, String.format(Locale.ROOT,
          "not a mnistkit %s (magic %s, expected %s)", what, describe(foundMagic),
          describe(magic)));
    }
    if (foundVersion != version) {
      throw new EdaFormatException(file, String.format(Locale.ROOT,
          "unsupported %s version %d (this build reads %d)", what, foundVersion, version));
    }
  }

  /** @return for example {@code 0x4D4B554D "MKUM"}, the text only when all four bytes are printable */
  private static String describe(int magic) {
    StringBuilder text = new StringBuilder(4);
    for (int shift = 24; shift >= 0; shift -= 8) {
      int c = (magic >>> shift) & 0xFF;
      if (c < 0x20 || c > 0x7E) {
        return String.format(Locale.ROOT, "0x%08X", magic);
      }
      text.append((char) c);
    }
    return String.format(Locale.ROOT, "0x%08X \"%s\"", magic, text);
  }

  /** @return the file being read */
  public Path file() {
    return file;
  }

  /**
   * @param problem what is wrong, with the expected and the found value
   * @return an exception naming this file, for the caller to throw
   */
  public EdaFormatException fail(String problem) {
    return new EdaFormatException(file, problem);
  }

  /**
   * Reads and checks the header of a block.
   *
   * @param magic the expected magic number
   * @param version the one version this build reads
   * @param what the block, for messages, such as "PCA block"
   * @throws EdaFormatException when the magic number or the version differs
   * @throws IOException when reading fails
   */
  public void header(int magic, int version, String what) throws IOException {
    int foundMagic = readInt();
    checkHeader(file, foundMagic, readInt(), magic, version, what);
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
   * @throws EdaFormatException such as {@code "nRows must be >= 1, got -3"}
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
   * Reads a name written by {@link ModelOutput#writeName}.
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
   * @param type the enum
   * @param what the field, for messages
   * @param <E> the enum type
   * @return the constant whose name was written by {@link ModelOutput#writeName}
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
   * @throws EdaFormatException when a factor is negative or the product does not fit in an array
   */
  public int arrayLength(int rows, int cols, String what) throws EdaFormatException {
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
   * @throws EdaFormatException when bytes are left before the checksum
   */
  public void finish() throws EdaFormatException {
    if (position != end) {
      throw fail(String.format(Locale.ROOT,
          "%d unexpected bytes after the last block (at byte %d of %d)", end - position, position,
          end));
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private void room(int count, int width, String what) throws EdaFormatException {
    if (count < 0) {
      throw fail(what + " has a negative length " + count);
    }
    long bytes = (long) count * width;
    if (bytes > end - position) {
      throw fail(String.format(Locale.ROOT,
          "truncated: %s need %d bytes at byte %d but only %d remain before the checksum", what,
          bytes, position, end - position));
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
