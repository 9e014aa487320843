package org.mnistkit.eda.io;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import org.mnistkit.core.io.AtomicFiles;

/**
 * Writes a mnistkit model file: big-endian numbers produced by a {@link Body}, followed by the
 * CRC-32 of all of them as an int. The file is written through core's {@link AtomicFiles}, so a
 * save that fails half-way leaves the target as it was and no temporary file behind. Arrays are
 * written without their length; the block layout (documented by each model's IO class) says where
 * the sizes stand. Read the result with {@link ModelInput}.
 */
public final class ModelOutput {

  /** Writes a model's block (header and body); throwing aborts the save. */
  @FunctionalInterface
  public interface Body {
    /**
     * @param out the file being written
     * @throws IOException to abort the save
     */
    void writeTo(ModelOutput out) throws IOException;
  }

  /** Copies values {@code [from, from + len)} of an array into a buffer at its start. */
  @FunctionalInterface
  private interface Put {
    void put(ByteBuffer buffer, int from, int len);
  }

  private static final int CHUNK = 1 << 16;

  private final CheckedOutputStream checked;
  private final DataOutputStream out;
  private final ByteBuffer chunk = ByteBuffer.allocate(CHUNK);

  private ModelOutput(java.io.OutputStream stream) {
    this.checked = new CheckedOutputStream(stream, new CRC32());
    this.out = new DataOutputStream(checked);
  }

  /**
   * Writes a model file atomically: what body writes, then an int CRC-32 of those bytes.
   *
   * @param file the file to create or replace; its folder is created when missing
   * @param body writes the block, starting with {@link #header}
   * @throws IOException when writing or moving the file fails, or body throws; the target is then
   *     unchanged and no temporary file is left
   */
  public static void write(Path file, Body body) throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(body, "body");
    AtomicFiles.write(file, stream -> {
      ModelOutput out = new ModelOutput(stream);
      body.writeTo(out);
      out.out.flush();
      out.out.writeInt((int) out.checked.getChecksum().getValue());
      out.out.flush();
    });
  }

  /**
   * Starts a block.
   *
   * @param magic the block's magic number
   * @param version the block's format version
   * @throws IOException when writing fails
   */
  public void header(int magic, int version) throws IOException {
    out.writeInt(magic);
    out.writeInt(version);
  }

  /**
   * @param v 4 bytes
   * @throws IOException when writing fails
   */
  public void writeInt(int v) throws IOException {
    out.writeInt(v);
  }

  /**
   * @param v 8 bytes
   * @throws IOException when writing fails
   */
  public void writeLong(long v) throws IOException {
    out.writeLong(v);
  }

  /**
   * @param v 8 bytes, IEEE 754 bits
   * @throws IOException when writing fails
   */
  public void writeDouble(double v) throws IOException {
    out.writeDouble(v);
  }

  /**
   * @param v one byte, 0 or 1
   * @throws IOException when writing fails
   */
  public void writeBoolean(boolean v) throws IOException {
    out.writeBoolean(v);
  }

  /**
   * Writes a short name, such as an enum constant: an unsigned short byte count, then UTF-8.
   *
   * @param name at most 65535 bytes in UTF-8
   * @throws IOException when writing fails
   * @throws IllegalArgumentException when the name is too long
   */
  public void writeName(String name) throws IOException {
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > 0xFFFF) {
      throw new IllegalArgumentException("name too long: " + bytes.length + " bytes");
    }
    out.writeShort(bytes.length);
    out.write(bytes);
  }

  /**
   * @param values written as 4 bytes each, no length
   * @throws IOException when writing fails
   */
  public void writeInts(int[] values) throws IOException {
    bulk(values.length, Integer.BYTES, (b, from, len) -> b.asIntBuffer().put(values, from, len));
  }

  /**
   * @param values written as 4 bytes each, no length
   * @throws IOException when writing fails
   */
  public void writeFloats(float[] values) throws IOException {
    bulk(values.length, Float.BYTES, (b, from, len) -> b.asFloatBuffer().put(values, from, len));
  }

  /**
   * @param values written as 8 bytes each, no length
   * @throws IOException when writing fails
   */
  public void writeDoubles(double[] values) throws IOException {
    bulk(values.length, Double.BYTES, (b, from, len) -> b.asDoubleBuffer().put(values, from, len));
  }

  private void bulk(int count, int width, Put put) throws IOException {
    int per = CHUNK / width;
    for (int from = 0; from < count; from += per) {
      int len = Math.min(per, count - from);
      chunk.clear();
      put.put(chunk, from, len);
      out.write(chunk.array(), 0, len * width);
    }
  }
}
