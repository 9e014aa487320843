package org.mnistkit.core.io;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * What a kind of model file is: its four-byte magic number, the kind's name for messages, and
 * the newest layout version this build writes. Each model family declares one constant (for
 * example the forest's {@code new ModelFormat("MKRF", "random forest", 2)}) and hands it to
 * {@link ModelWriter#write} and {@link ModelReader#open}.
 *
 * @param magic four printable ASCII characters, written as a big-endian int, such as {@code MKRF}
 * @param kind the kind's name as a reader would say it, such as {@code random forest}; 1 to 64
 *     characters, written into every file so that a file given to the wrong loader is named
 * @param version the layout version this build writes, at least 2 (version 1 was the framing
 *     before the shared one; {@link ModelReader} still opens such files)
 */
public record ModelFormat(String magic, String kind, int version) {

  /**
   * Checks the three parts.
   *
   * @param magic exactly 4 printable ASCII characters (0x21..0x7E, no space), such as {@code MKRF}
   * @param kind the kind's name for messages, 1 to 64 characters and not blank
   * @param version the layout version this build writes, at least 2
   * @throws IllegalArgumentException when magic is not 4 printable ASCII characters, kind is blank
   *     or longer than 64 characters, or version is below 2
   * @throws NullPointerException when magic or kind is null
   */
  public ModelFormat {
    Objects.requireNonNull(magic, "magic");
    Objects.requireNonNull(kind, "kind");
    if (magic.length() != 4 || !magic.chars().allMatch(c -> c >= 0x21 && c <= 0x7E)) {
      throw new IllegalArgumentException("magic must be 4 printable ASCII characters, got '" + magic + "'");
    }
    if (kind.isBlank() || kind.length() > 64) {
      throw new IllegalArgumentException("kind must be 1..64 characters, got '" + kind + "'");
    }
    if (version < 2) {
      throw new IllegalArgumentException("version must be >= 2, got " + version);
    }
  }

  /** @return the magic number as the big-endian int that starts the file */
  public int magicNumber() {
    byte[] b = magic.getBytes(StandardCharsets.US_ASCII);
    return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
  }

  /** @return for example {@code random forest (MKRF)} */
  public String describe() {
    return String.format(Locale.ROOT, "%s (%s)", kind, magic);
  }
}
