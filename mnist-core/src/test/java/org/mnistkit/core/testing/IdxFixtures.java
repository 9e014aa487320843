package org.mnistkit.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.mnistkit.core.idx.IdxArray;
import org.mnistkit.core.idx.IdxWriter;

/**
 * Generators of tiny IDX fixtures, valid and broken, so that tests never need the real files.
 * Published in mnist-core's test-jar.
 */
public final class IdxFixtures {

  private IdxFixtures() {}

  /** Raw IDX header bytes: two zero bytes, the type code, the rank, then each dimension big-endian. */
  public static byte[] header(int typeCode, int... dims) {
    ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length).order(ByteOrder.BIG_ENDIAN);
    b.put((byte) 0).put((byte) 0).put((byte) typeCode).put((byte) dims.length);
    for (int d : dims) {
      b.putInt(d);
    }
    return b.array();
  }

  /** Concatenates byte arrays. */
  public static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** gzip-compresses bytes. */
  public static byte[] gzip(byte[] plain) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(plain);
    }
    return out.toByteArray();
  }

  /** The plain IDX bytes of an array. */
  public static byte[] bytes(IdxArray array) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    IdxWriter.write(array, out);
    return out.toByteArray();
  }

  /**
   * Tiny MNIST-layout images: n images of h x w where pixel (r, c) of image i is (i * 31 + r * w + c)
   * mod 256, so that every image differs and the row-major order can be checked.
   */
  public static IdxArray images(int n, int h, int w) {
    byte[] px = new byte[n * h * w];
    for (int i = 0; i < n; i++) {
      for (int r = 0; r < h; r++) {
        for (int c = 0; c < w; c++) {
          px[(i * h + r) * w + c] = (byte) ((i * 31 + r * w + c) % 256);
        }
      }
    }
    return IdxArray.ofUnsignedBytes(px, n, h, w);
  }

  /** n labels cycling through 0..numClasses-1, as a rank-1 ubyte array. */
  public static IdxArray labels(int n, int numClasses) {
    byte[] y = new byte[n];
    for (int i = 0; i < n; i++) {
      y[i] = (byte) (i % numClasses);
    }
    return IdxArray.ofUnsignedBytes(y, n);
  }

  /** Writes bytes to dir/name and returns the path. */
  public static Path write(Path dir, String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }
}
