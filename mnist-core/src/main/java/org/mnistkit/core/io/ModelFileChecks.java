package org.mnistkit.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The checks {@link ModelReader#open} makes before it parses anything: the file is long enough,
 * its magic number is the expected kind's (otherwise it says what the file is, as far as that can
 * be told), its version is one this build reads, and its CRC-32 trailer matches.
 */
final class ModelFileChecks {

  /** Bytes of the magic number and the version. */
  static final int HEADER = 8;
  /** Bytes of the CRC-32 trailer. */
  static final int TRAILER = 4;

  private static final int CHUNK = 1 << 16;
  /** The kinds written before the shared framing, which did not name themselves in the file. */
  private static final Map<Integer, String> VERSION_1_KINDS = Map.of(
      0x4D4B5246, "random forest (MKRF)", 0x4D4B5043, "PCA (MKPC)", 0x4D4B554D, "UMAP (MKUM)",
      0x4D4E4953, "network (MNISTKIT-NN)");

  private ModelFileChecks() {}

  /**
   * @param file the model file
   * @param size its size in bytes
   * @param format the kind expected
   * @return the file's layout version, 1..format.version()
   * @throws FileFormatException when the file is too short, of another kind, of a version this
   *     build does not read, or fails its checksum
   * @throws IOException when reading fails
   */
  static int check(Path file, long size, ModelFormat format) throws IOException {
    if (size < HEADER + TRAILER) {
      throw new FileFormatException(file, String.format(Locale.ROOT,
          "not a mnistkit %s file: %d bytes is too short for a header and checksum",
          format.kind(), size));
    }
    int[] header = readHeader(file);
    int foundMagic = header[0];
    int foundVersion = header[1];
    if (foundMagic != format.magicNumber()) {
      throw new FileFormatException(file, String.format(Locale.ROOT, "%s, not a %s file",
          describeForeign(file, foundMagic, foundVersion), format.describe()));
    }
    if (foundVersion < 1 || foundVersion > format.version()) {
      throw new FileFormatException(file, String.format(Locale.ROOT,
          "unsupported %s file version %d (this build reads 1..%d)", format.kind(), foundVersion,
          format.version()));
    }
    verifyChecksum(file, size);
    return foundVersion;
  }

  private static int[] readHeader(Path file) throws IOException {
    byte[] buf = new byte[HEADER];
    try (InputStream s = Files.newInputStream(file)) {
      readFully(file, s, buf, HEADER);
    }
    ByteBuffer h = ByteBuffer.wrap(buf);
    return new int[] {h.getInt(), h.getInt()};
  }

  /** Says what a file of another magic number is, as far as it can be told. */
  private static String describeForeign(Path file, int magic, int version) throws IOException {
    if (version >= 2 && version < 1000) {
      try (InputStream s = Files.newInputStream(file)) {
        byte[] buf = new byte[HEADER + 2 + 64];
        int n = s.readNBytes(buf, 0, buf.length);
        ByteBuffer b = ByteBuffer.wrap(buf, 0, n);
        b.position(HEADER);
        if (b.remaining() >= 2) {
          int length = b.getShort() & 0xFFFF;
          if (length >= 1 && length <= 64 && b.remaining() >= length) {
            String kind = new String(buf, HEADER + 2, length, StandardCharsets.UTF_8);
            if (kind.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
              return String.format(Locale.ROOT, "holds a mnistkit %s (%s)", kind,
                  magicText(magic));
            }
          }
        }
      }
    }
    String old = VERSION_1_KINDS.get(magic);
    if (old != null) {
      return "holds a mnistkit " + old + " saved in format version 1";
    }
    if (magic >>> 24 == 0x08) { // protobuf field 1 (ir_version) as varint: how ONNX files begin
      return "is not a mnistkit model file but looks like an ONNX model (magic " + magicText(magic)
          + "); open it with ONNX Runtime";
    }
    return "is not a mnistkit model file (magic " + magicText(magic) + ")";
  }

  /** Checks the CRC-32 of all bytes before the trailer against the trailer, in one pass. */
  private static void verifyChecksum(Path file, long size) throws IOException {
    CRC32 crc = new CRC32();
    byte[] buf = new byte[CHUNK];
    int stored;
    try (InputStream s = Files.newInputStream(file)) {
      for (long left = size - TRAILER; left > 0; ) {
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
      throw new FileFormatException(file, String.format(Locale.ROOT,
          "checksum mismatch (stored 0x%08X, computed 0x%08X): the file is truncated or corrupted",
          stored, computed));
    }
  }

  private static void readFully(Path file, InputStream s, byte[] buf, int n) throws IOException {
    if (s.readNBytes(buf, 0, n) != n) {
      throw new FileFormatException(file, "truncated: the file ended while being read");
    }
  }

  /** @return for example {@code 0x4D4B554D "MKUM"}, the text only when all four bytes are printable */
  static String magicText(int magic) {
    StringBuilder text = new StringBuilder(4);
    for (int shift = 24; shift >= 0; shift -= 8) {
      int c = (magic >>> shift) & 0xFF;
      if (c < 0x20 || c > 0x7E) {
        return String.format(Locale.ROOT, "0x%08X", magic);
      }
      text.append((char) c);
    }
    return text.toString();
  }
}
