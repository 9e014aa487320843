package org.mnistkit.nn;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.CRC32;
import org.mnistkit.core.io.FileFormatException;
import org.mnistkit.core.model.Provenance;
import org.mnistkit.nn.layers.Shapes;

/**
 * Reads model files written before mnistkit's shared framing (format version 1), all numbers
 * big-endian:
 *
 * <pre>
 * 12 bytes  magic "MNISTKIT-NN\n"
 * int       format version (1)
 * int       header length h, then h bytes of UTF-8 text (see {@link ArchitectureText})
 * int       parameter count p, then p floats: the weights in Deeplearning4j's parameter order
 * int       optimizer state count s, then s floats: the updater state
 * long      CRC-32 of every byte before it
 * </pre>
 *
 * Such a model's provenance holds its compile settings and seed, with the training data's rows,
 * the versions and the times unknown ({@link Provenance#version1}).
 */
final class NetworkFileV1 {

  private static final byte[] MAGIC = "MNISTKIT-NN\n".getBytes(StandardCharsets.US_ASCII);

  private NetworkFileV1() {}

  /** @return whether the file starts with the version-1 magic */
  static boolean matches(Path file) throws IOException {
    return NetworkFile.startsWith(file, MAGIC);
  }

  /** @throws FileFormatException when the file is truncated, corrupt or of another version */
  static Sequential load(Path file) throws IOException {
    if (Files.size(file) > Integer.MAX_VALUE - 8) {
      throw new FileFormatException(file, "a version-1 network file of " + Files.size(file)
          + " bytes is larger than any it could hold");
    }
    byte[] content = Files.readAllBytes(file);
    ByteBuffer in = ByteBuffer.wrap(content);
    in.position(MAGIC.length);
    try {
      int version = in.getInt();
      if (version != 1) {
        throw new FileFormatException(file, String.format(Locale.ROOT,
            "starts with the version-1 magic \"MNISTKIT-NN\" but claims version %d", version));
      }
      String header = new String(bytes(in, in.getInt(), file, "header"), StandardCharsets.UTF_8);
      float[] params = floats(in, file, "weights");
      float[] state = floats(in, file, "optimizer state");
      int checked = in.position();
      long expected = in.getLong();
      CRC32 crc = new CRC32();
      crc.update(content, 0, checked);
      if (crc.getValue() != expected) {
        throw new FileFormatException(file, "checksum mismatch: the file is truncated or corrupted");
      }
      if (in.hasRemaining()) {
        throw new FileFormatException(file, in.remaining() + " unexpected bytes after the checksum");
      }
      ArchitectureText arch = NetworkFile.parse(header, file);
      int cols = Math.toIntExact(Shapes.product(Shapes.toArray(arch.layers().get(0).inputShape())));
      Provenance provenance = Provenance.version1(0, cols, arch.settings(), arch.seed());
      return NetworkFile.restore(arch, params, state, provenance, file);
    } catch (BufferUnderflowException e) {
      throw new FileFormatException(file, "truncated: the file ends after " + content.length + " bytes", e);
    }
  }

  private static float[] floats(ByteBuffer in, Path file, String what) throws FileFormatException {
    int n = in.getInt();
    if (n < 0 || (long) n * 4 > in.remaining()) {
      throw new FileFormatException(file, String.format(Locale.ROOT,
          "truncated or corrupt: %d %s values announced but only %d bytes follow", n, what, in.remaining()));
    }
    float[] values = new float[n];
    in.asFloatBuffer().get(values);
    in.position(in.position() + 4 * n);
    return values;
  }

  private static byte[] bytes(ByteBuffer in, int n, Path file, String what) throws FileFormatException {
    if (n < 0 || n > in.remaining()) {
      throw new FileFormatException(file, String.format(Locale.ROOT,
          "truncated or corrupt: a %d-byte %s announced but only %d bytes follow", n, what, in.remaining()));
    }
    byte[] b = new byte[n];
    in.get(b);
    return b;
  }
}
