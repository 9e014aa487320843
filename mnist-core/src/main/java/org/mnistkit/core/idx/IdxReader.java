package org.mnistkit.core.idx;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files: the format of the MNIST distribution (LeCun, Cortes and Burges), with all six
 * element types ({@link IdxType}), rank 1 to 255, plain or gzip-compressed. Compression is
 * detected from the content (the gzip magic {@code 1f 8b}), never from the file name.
 *
 * <p>The reader is strict. It throws {@link IdxFormatException}, naming the file and what it
 * expected and found, for: a magic number whose first two bytes are not zero, an unknown type
 * code, rank 0, a dimension below 1, an element count that overflows or exceeds
 * {@link IdxArray#MAX_ELEMENTS}, fewer data bytes than the header promises, bytes after the data,
 * and corrupt gzip data. Memory grows with the bytes actually read, so a tiny file whose header
 * claims billions of elements fails quickly without a large allocation; for a plain file read from
 * a {@link Path}, the size is checked against the header before anything is allocated.
 *
 * <p>Thread-safe: it holds no state.
 */
public final class IdxReader {

  private static final int CHUNK_BYTES = 1 << 16;
  private static final int INITIAL_ELEMENTS = 1 << 20;

  private IdxReader() {}

  /**
   * Reads an IDX file, plain or gzip.
   *
   * @param file the file to read
   * @return its contents
   * @throws IdxFormatException when the content is not a valid IDX file (the message names the file)
   * @throws IOException when the file cannot be read
   */
  public static IdxArray read(Path file) throws IOException {
    String source = file.toString();
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), CHUNK_BYTES)) {
      if (isGzip(raw)) {
        return readGzip(raw, source);
      }
      return parse(raw, source, Files.size(file));
    }
  }

  /**
   * Reads an IDX stream, plain or gzip, to its end. The stream is not closed.
   *
   * @param in the stream positioned at the start of the IDX (or gzip) data
   * @param sourceName a name for error messages, such as the file or URL the stream comes from
   * @return its contents
   * @throws IdxFormatException when the content is not a valid IDX stream (the message names sourceName)
   * @throws IOException when the stream cannot be read
   */
  public static IdxArray read(InputStream in, String sourceName) throws IOException {
    InputStream buffered = in.markSupported() ? in : new BufferedInputStream(in, CHUNK_BYTES);
    if (isGzip(buffered)) {
      return readGzip(buffered, sourceName);
    }
    return parse(buffered, sourceName, -1);
  }

  /**
   * Tells whether a stream starts with the gzip magic bytes, without consuming them.
   *
   * @param in a stream that supports mark/reset
   * @return true when the next two bytes are {@code 1f 8b}
   * @throws IOException when the stream cannot be read
   */
  public static boolean isGzip(InputStream in) throws IOException {
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    return b0 == 0x1f && b1 == 0x8b;
  }

  private static IdxArray readGzip(InputStream raw, String source) throws IOException {
    try {
      return parse(new BufferedInputStream(new GZIPInputStream(raw, CHUNK_BYTES), CHUNK_BYTES), source, -1);
    } catch (ZipException | EOFException e) {
      throw new IdxFormatException(source, "corrupt or truncated gzip data (" + e.getMessage() + ")", e);
    }
  }

  /**
   * Parses header and data.
   *
   * @param knownLength the total byte length when known in advance (plain files), else -1
   */
  private static IdxArray parse(InputStream in, String source, long knownLength) throws IOException {
    byte[] magic = in.readNBytes(4);
    if (magic.length < 4) {
      throw new IdxFormatException(source, String.format(Locale.ROOT,
          "expected a 4-byte magic number but the input has only %d bytes", magic.length));
    }
    if (magic[0] != 0 || magic[1] != 0) {
      throw new IdxFormatException(source, String.format(Locale.ROOT,
          "magic number must start with two zero bytes, found 0x%02X 0x%02X (not an IDX file)",
          magic[0] & 0xFF, magic[1] & 0xFF));
    }
    int code = magic[2] & 0xFF;
    IdxType type = IdxType.fromCode(code).orElseThrow(() -> new IdxFormatException(source,
        String.format(Locale.ROOT, "unknown element type code 0x%02X; expected one of %s",
            code, Arrays.toString(IdxType.values()))));
    int rank = magic[3] & 0xFF;
    if (rank == 0) {
      throw new IdxFormatException(source, "rank (the fourth magic byte) is 0; expected 1..255");
    }
    byte[] header = in.readNBytes(4 * rank);
    if (header.length < 4 * rank) {
      throw new IdxFormatException(source, String.format(Locale.ROOT,
          "header truncated: rank %d needs %d bytes of dimension sizes, found %d",
          rank, 4 * rank, header.length));
    }
    int[] shape = new int[rank];
    ByteBuffer dims = ByteBuffer.wrap(header).order(ByteOrder.BIG_ENDIAN);
    for (int i = 0; i < rank; i++) {
      shape[i] = dims.getInt();
    }
    int count = elementCount(shape, source);
    long dataBytes = (long) count * type.bytesPerElement();
    long headerBytes = 4L + 4L * rank;
    if (knownLength >= 0 && knownLength != headerBytes + dataBytes) {
      long found = knownLength - headerBytes;
      if (found < dataBytes) {
        throw truncated(source, type, shape, dataBytes, found);
      }
      throw trailing(source, dataBytes, found - dataBytes);
    }
    Object data = readData(in, type, shape, count, source, knownLength >= 0);
    int next = in.read();
    if (next != -1) {
      long extra = 1 + in.transferTo(OutputStream.nullOutputStream());
      throw trailing(source, dataBytes, extra);
    }
    return switch (type) {
      case UBYTE -> IdxArray.ofUnsignedBytes((byte[]) data, shape);
      case BYTE -> IdxArray.ofBytes((byte[]) data, shape);
      case SHORT -> IdxArray.ofShorts((short[]) data, shape);
      case INT -> IdxArray.ofInts((int[]) data, shape);
      case FLOAT -> IdxArray.ofFloats((float[]) data, shape);
      case DOUBLE -> IdxArray.ofDoubles((double[]) data, shape);
    };
  }

  private static int elementCount(int[] shape, String source) throws IdxFormatException {
    long count = 1;
    for (int i = 0; i < shape.length; i++) {
      if (shape[i] < 1) {
        throw new IdxFormatException(source, String.format(Locale.ROOT,
            "dimension %d of %d is %d; every dimension must be >= 1", i, shape.length, shape[i]));
      }
      try {
        count = Math.multiplyExact(count, shape[i]);
      } catch (ArithmeticException e) {
        throw new IdxFormatException(source, "element count of shape " + Arrays.toString(shape)
            + " overflows a 64-bit integer");
      }
    }
    if (count > IdxArray.MAX_ELEMENTS) {
      throw new IdxFormatException(source, String.format(Locale.ROOT,
          "shape %s has %d elements; at most %d fit in one Java array",
          Arrays.toString(shape), count, IdxArray.MAX_ELEMENTS));
    }
    return (int) count;
  }

  /** Reads count elements, growing the array only as data arrives unless the size is known. */
  private static Object readData(InputStream in, IdxType type, int[] shape, int count, String source,
      boolean sizeKnown) throws IOException {
    int size = type.bytesPerElement();
    int capacity = sizeKnown ? count : Math.min(count, INITIAL_ELEMENTS);
    Object array = newArray(type, capacity);
    byte[] chunk = new byte[CHUNK_BYTES];
    int done = 0;
    while (done < count) {
      int want = (int) Math.min((long) (count - done) * size, CHUNK_BYTES);
      int got = in.readNBytes(chunk, 0, want);
      if (got < want) {
        throw truncated(source, type, shape, (long) count * size, (long) done * size + got);
      }
      int n = got / size;
      if (done + n > capacity) {
        capacity = (int) Math.min(count, Math.max(2L * capacity, (long) done + n));
        array = grow(array, capacity);
      }
      decode(chunk, n, type, array, done);
      done += n;
    }
    return array;
  }

  private static Object newArray(IdxType type, int length) {
    return switch (type) {
      case UBYTE, BYTE -> new byte[length];
      case SHORT -> new short[length];
      case INT -> new int[length];
      case FLOAT -> new float[length];
      case DOUBLE -> new double[length];
    };
  }

  private static Object grow(Object array, int length) {
    if (array instanceof byte[] a) {
      return Arrays.copyOf(a, length);
    } else if (array instanceof short[] a) {
      return Arrays.copyOf(a, length);
    } else if (array instanceof int[] a) {
      return Arrays.copyOf(a, length);
    } else if (array instanceof float[] a) {
      return Arrays.copyOf(a, length);
    }
    return Arrays.copyOf((double[]) array, length);
  }

  private static void decode(byte[] chunk, int n, IdxType type, Object array, int offset) {
    ByteBuffer buf = ByteBuffer.wrap(chunk, 0, n * type.bytesPerElement()).order(ByteOrder.BIG_ENDIAN);
    switch (type) {
      case UBYTE, BYTE -> System.arraycopy(chunk, 0, array, offset, n);
      case SHORT -> buf.asShortBuffer().get((short[]) array, offset, n);
      case INT -> buf.asIntBuffer().get((int[]) array, offset, n);
      case FLOAT -> buf.asFloatBuffer().get((float[]) array, offset, n);
      case DOUBLE -> buf.asDoubleBuffer().get((double[]) array, offset, n);
    }
  }

  private static IdxFormatException truncated(String source, IdxType type, int[] shape, long expected,
      long found) {
    return new IdxFormatException(source, String.format(Locale.ROOT,
        "truncated: the header (%s, shape %s) promises %d data bytes but only %d follow",
        type, Arrays.toString(shape), expected, found));
  }

  private static IdxFormatException trailing(String source, long dataBytes, long extra) {
    return new IdxFormatException(source, String.format(Locale.ROOT,
        "%d trailing bytes after the %d data bytes the header promises", extra, dataBytes));
  }
}
