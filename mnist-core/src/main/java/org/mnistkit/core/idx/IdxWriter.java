package org.mnistkit.core.idx;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.mnistkit.core.io.AtomicFiles;

/**
 * Writes {@link IdxArray}s as IDX files (big-endian, the layout {@link IdxReader} reads), plain or
 * gzip-compressed. A written file reads back equal to the array that was written.
 */
public final class IdxWriter {

  /** How {@link #write(IdxArray, Path, Compression)} stores the file. */
  public enum Compression {
    /** The IDX bytes as they are. */
    NONE,
    /** The IDX bytes in one gzip member, as MNIST is distributed ({@code .gz}). */
    GZIP
  }

  private static final int CHUNK_BYTES = 1 << 16;

  private IdxWriter() {}

  /**
   * Writes an array to a file with {@link AtomicFiles}: a failure never leaves a partial file
   * under {@code file}'s name.
   *
   * @param array what to write
   * @param file the destination; missing parent folders are created; an existing file is replaced
   * @param compression plain or gzip
   * @throws IOException when the file cannot be written
   */
  public static void write(IdxArray array, Path file, Compression compression) throws IOException {
    AtomicFiles.write(file, out -> {
      if (compression == Compression.GZIP) {
        try (GZIPOutputStream gz = new GZIPOutputStream(out, CHUNK_BYTES)) {
          write(array, gz);
        }
      } else {
        write(array, out);
      }
    });
  }

  /**
   * Writes an array as plain IDX bytes to a stream. The stream is flushed, not closed.
   *
   * @param array what to write
   * @param out the destination
   * @throws IOException when the stream cannot be written
   */
  public static void write(IdxArray array, OutputStream out) throws IOException {
    BufferedOutputStream buffered = new BufferedOutputStream(out, CHUNK_BYTES);
    int rank = array.rank();
    ByteBuffer header = ByteBuffer.allocate(4 + 4 * rank).order(ByteOrder.BIG_ENDIAN);
    header.put((byte) 0).put((byte) 0).put((byte) array.type().code()).put((byte) rank);
    for (int d : array.shape()) {
      header.putInt(d);
    }
    buffered.write(header.array());
    IdxType type = array.type();
    Object data = array.data();
    if (type == IdxType.UBYTE || type == IdxType.BYTE) {
      buffered.write((byte[]) data);
    } else {
      int per = CHUNK_BYTES / type.bytesPerElement();
      ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.BIG_ENDIAN);
      for (int start = 0; start < array.size(); start += per) {
        int n = Math.min(per, array.size() - start);
        chunk.clear();
        switch (type) {
          case SHORT -> chunk.asShortBuffer().put((short[]) data, start, n);
          case INT -> chunk.asIntBuffer().put((int[]) data, start, n);
          case FLOAT -> chunk.asFloatBuffer().put((float[]) data, start, n);
          case DOUBLE -> chunk.asDoubleBuffer().put((double[]) data, start, n);
          default -> throw new AssertionError(type);
        }
        buffered.write(chunk.array(), 0, n * type.bytesPerElement());
      }
    }
    buffered.flush();
  }
}
