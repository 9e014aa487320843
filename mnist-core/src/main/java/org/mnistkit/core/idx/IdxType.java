package org.mnistkit.core.idx;

import java.util.Locale;
import java.util.Optional;

/**
 * The six element types of the IDX format (LeCun, Cortes and Burges, "THE MNIST DATABASE of
 * handwritten digits", file format section). The type code is the third byte of the magic number;
 * every multi-byte value is stored big-endian.
 */
public enum IdxType {
  /** Unsigned byte, code {@code 0x08}, values 0..255. MNIST images and labels use this type. */
  UBYTE(0x08, 1),
  /** Signed byte, code {@code 0x09}, values -128..127. */
  BYTE(0x09, 1),
  /** Signed 16-bit integer, code {@code 0x0B}. */
  SHORT(0x0B, 2),
  /** Signed 32-bit integer, code {@code 0x0C}. */
  INT(0x0C, 4),
  /** IEEE 754 32-bit float, code {@code 0x0D}. */
  FLOAT(0x0D, 4),
  /** IEEE 754 64-bit float, code {@code 0x0E}. */
  DOUBLE(0x0E, 8);

  private final int code;
  private final int bytesPerElement;

  IdxType(int code, int bytesPerElement) {
    this.code = code;
    this.bytesPerElement = bytesPerElement;
  }

  /** @return the type code as it appears in the third byte of the magic number, 0x08..0x0E */
  public int code() {
    return code;
  }

  /** @return the size of one element in the file, 1, 2, 4 or 8 bytes */
  public int bytesPerElement() {
    return bytesPerElement;
  }

  /** @return true for the integer types (UBYTE, BYTE, SHORT, INT) */
  public boolean isInteger() {
    return this != FLOAT && this != DOUBLE;
  }

  /**
   * Looks up a type by its code.
   *
   * @param code the third byte of an IDX magic number, 0..255
   * @return the type, or empty when the code is not one of the six IDX types
   */
  public static Optional<IdxType> fromCode(int code) {
    for (IdxType t : values()) {
      if (t.code == code) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** @return the name and code, for example {@code ubyte (0x08)} */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s (0x%02X)", name().toLowerCase(Locale.ROOT), code);
  }
}
