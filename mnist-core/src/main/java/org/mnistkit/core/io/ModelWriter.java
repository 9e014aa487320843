package org.mnistkit.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.zip.CRC32;
import org.mnistkit.core.model.Provenance;

/**
 * Writes a mnistkit model file in the one framing every model family shares. All numbers are
 * big-endian:
 *
 * <pre>
 * int     magic, one per model kind ({@link ModelFormat#magic()}, such as "MKRF")
 * int     layout version ({@link ModelFormat#version()}, at least 2)
 * name    the kind's name ({@link ModelFormat#kind()}), so a wrong loader can say what the file is
 * block   "provenance": UTF-8 text, one sorted {@code key=value} line per entry ({@link Provenance})
 * block*  the model's own blocks, in the order its layout class documents
 * int     CRC-32 of every byte before it
 *
 * block = name tag, long length L (bytes of content), L bytes of content; blocks nest
 * name  = unsigned short byte count, then that many bytes of UTF-8
 * </pre>
 *
 * <p>Arrays inside a block are written without their length; the block's layout says where the
 * sizes stand, and {@link ModelReader} checks every size against the bytes left in the block
 * before it allocates. The file is written through {@link AtomicFiles#writeChannel}: a save that
 * fails half-way (the body throws, the disk fills) leaves the file that was there untouched and
 * no temporary file behind. Not thread-safe; one writer writes one file.
 */
public final class ModelWriter {

  /** Writes a model's blocks; throwing aborts the save. */
  @FunctionalInterface
  public interface Body {
    /**
     * @param out the file being written
     * @throws IOException to abort the save
     */
    void writeTo(ModelWriter out) throws IOException;
  }

  private static final int CHUNK = 1 << 16;

  private final FileChannel channel;
  private final ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
  private final Deque<Long> openBlocks = new ArrayDeque<>(); // positions of their length fields
  private long position; // bytes written so far, buffered ones included

  private ModelWriter(FileChannel channel) {
    this.channel = channel;
  }

  /**
   * Writes a model file atomically: header, provenance, what body writes, checksum.
   *
   * @param file the file to create or replace; its folder is created when missing
   * @param format the model kind and layout version
   * @param provenance where the model came from, written as the first block
   * @param body writes the model's blocks
   * @throws IOException when writing or moving the file fails, or body throws; the target is then
   *     unchanged and no temporary file is left
   * @throws IllegalStateException when body leaves a block open
   */
  public static void write(Path file, ModelFormat format, Provenance provenance, Body body)
      throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(body, "body");
    AtomicFiles.writeChannel(file, channel -> {
      ModelWriter out = new ModelWriter(channel);
      out.writeInt(format.magicNumber());
      out.writeInt(format.version());
      out.writeName(format.kind());
      out.writeProvenance(provenance);
      body.writeTo(out);
      if (!out.openBlocks.isEmpty()) {
        throw new IllegalStateException(out.openBlocks.size() + " block(s) left open");
      }
      out.flush();
      out.writeInt(checksum(channel, out.position));
      out.flush();
    });
  }

  /**
   * Writes a "provenance" block: one sorted {@code key=value} line per entry of {@link
   * Provenance#toProperties()}. {@link #write} writes the model's own first; a model that holds
   * another (UMAP's PCA) writes that one's inside its block. Read by {@link
   * ModelReader#readProvenance}.
   *
   * @param provenance the provenance
   * @throws IOException when writing fails
   */
  public void writeProvenance(Provenance provenance) throws IOException {
    StringBuilder text = new StringBuilder();
    provenance.toProperties().forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    block("provenance", o -> o.writeText(text.toString()));
  }

  /** CRC-32 of the first {@code length} bytes of the channel. */
  private static int checksum(FileChannel channel, long length) throws IOException {
    CRC32 crc = new CRC32();
    ByteBuffer b = ByteBuffer.allocate(CHUNK);
    for (long at = 0; at < length; ) {
      b.clear().limit((int) Math.min(CHUNK, length - at));
      int n = channel.read(b, at);
      if (n <= 0) {
        throw new IOException("the file being written ended at byte " + at + " of " + length);
      }
      b.flip();
      crc.update(b);
      at += n;
    }
    return (int) crc.getValue();
  }

  /**
   * Writes a block: its tag, its length, and what body writes. Blocks may nest.
   *
   * @param tag the block's name, such as {@code trees}; read back by {@link ModelReader#block}
   * @param body writes the block's content
   * @throws IOException when writing fails or body throws
   */
  public void block(String tag, Body body) throws IOException {
    writeName(tag);
    openBlocks.push(position);
    writeLong(0); // filled in below
    body.writeTo(this);
    long lengthAt = openBlocks.pop();
    long length = position - lengthAt - Long.BYTES;
    if (lengthAt >= position - buffer.position()) { // still buffered
      buffer.putLong((int) (lengthAt - (position - buffer.position())), length);
    } else {
      flush();
      ByteBuffer b = ByteBuffer.allocate(Long.BYTES).putLong(0, length);
      while (b.hasRemaining()) {
        channel.write(b, lengthAt + b.position());
      }
    }
  }

  /**
   * @param v 4 bytes
   * @throws IOException when writing fails
   */
  public void writeInt(int v) throws IOException {
    room(Integer.BYTES).putInt(v);
    position += Integer.BYTES;
  }

  /**
   * @param v 8 bytes
   * @throws IOException when writing fails
   */
  public void writeLong(long v) throws IOException {
    room(Long.BYTES).putLong(v);
    position += Long.BYTES;
  }

  /**
   * @param v 4 bytes, IEEE 754 bits
   * @throws IOException when writing fails
   */
  public void writeFloat(float v) throws IOException {
    room(Float.BYTES).putFloat(v);
    position += Float.BYTES;
  }

  /**
   * @param v 8 bytes, IEEE 754 bits
   * @throws IOException when writing fails
   */
  public void writeDouble(double v) throws IOException {
    room(Double.BYTES).putDouble(v);
    position += Double.BYTES;
  }

  /**
   * @param v one byte, 0 or 1
   * @throws IOException when writing fails
   */
  public void writeBoolean(boolean v) throws IOException {
    room(1).put((byte) (v ? 1 : 0));
    position += 1;
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
    room(Short.BYTES).putShort((short) bytes.length);
    position += Short.BYTES;
    writeBytes(bytes);
  }

  /**
   * Writes text of any length: an int byte count, then UTF-8.
   *
   * @param text the text
   * @throws IOException when writing fails
   */
  public void writeText(String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    writeInt(bytes.length);
    writeBytes(bytes);
  }

  /**
   * @param values written as they are, no length
   * @throws IOException when writing fails
   */
  public void writeBytes(byte[] values) throws IOException {
    for (int from = 0; from < values.length; ) {
      int len = Math.min(values.length - from, room(1).remaining());
      buffer.put(values, from, len);
      position += len;
      from += len;
    }
  }

  /**
   * @param values written as 4 bytes each, no length
   * @throws IOException when writing fails
   */
  public void writeInts(int[] values) throws IOException {
    for (int from = 0; from < values.length; ) {
      int len = Math.min(values.length - from, room(Integer.BYTES).remaining() / Integer.BYTES);
      buffer.asIntBuffer().put(values, from, len);
      advance(len * Integer.BYTES);
      from += len;
    }
  }

  /**
   * @param values written as 8 bytes each, no length
   * @throws IOException when writing fails
   */
  public void writeLongs(long[] values) throws IOException {
    for (int from = 0; from < values.length; ) {
      int len = Math.min(values.length - from, room(Long.BYTES).remaining() / Long.BYTES);
      buffer.asLongBuffer().put(values, from, len);
      advance(len * Long.BYTES);
      from += len;
    }
  }

  /**
   * @param values written as 4 bytes each, no length
   * @throws IOException when writing fails
   */
  public void writeFloats(float[] values) throws IOException {
    for (int from = 0; from < values.length; ) {
      int len = Math.min(values.length - from, room(Float.BYTES).remaining() / Float.BYTES);
      buffer.asFloatBuffer().put(values, from, len);
      advance(len * Float.BYTES);
      from += len;
    }
  }

  /**
   * @param values written as 8 bytes each, no length
   * @throws IOException when writing fails
   */
  public void writeDoubles(double[] values) throws IOException {
    for (int from = 0; from < values.length; ) {
      int len = Math.min(values.length - from, room(Double.BYTES).remaining() / Double.BYTES);
      buffer.asDoubleBuffer().put(values, from, len);
      advance(len * Double.BYTES);
      from += len;
    }
  }

  /** Returns the buffer with at least n bytes free, flushing it first when needed. */
  private ByteBuffer room(int n) throws IOException {
    if (buffer.remaining() < n) {
      flush();
    }
    return buffer;
  }

  private void advance(int bytes) {
    buffer.position(buffer.position() + bytes);
    position += bytes;
  }

  private void flush() throws IOException {
    buffer.flip();
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    buffer.clear();
  }
}
