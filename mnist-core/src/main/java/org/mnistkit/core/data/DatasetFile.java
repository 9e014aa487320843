package org.mnistkit.core.data;

import java.util.Locale;
import java.util.Objects;

/**
 * One file of a dataset as it must be after decompression: its name, its size in bytes and the
 * SHA-256 of its uncompressed content (lower-case hex).
 *
 * @param name the plain file name, for example {@code train-images-idx3-ubyte}; sources may
 *     deliver it gzip-compressed as {@code name + ".gz"}
 * @param sizeBytes the uncompressed size, at least 1
 * @param sha256 64 lower-case hex digits
 */
public record DatasetFile(String name, long sizeBytes, String sha256) {

  /**
   * Checks the components and lower-cases the checksum.
   *
   * @param name a plain file name: not blank, no {@code /} or {@code \}, not starting with a dot
   * @param sizeBytes the uncompressed size in bytes, at least 1
   * @param sha256 64 hex digits in either case; stored lower-case
   * @throws IllegalArgumentException when the name is blank, contains a path separator or starts
   *     with a dot, the size is below 1, or the checksum is not 64 hex digits
   * @throws NullPointerException when name or sha256 is null
   */
  public DatasetFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sha256, "sha256");
    if (name.isBlank() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
      throw new IllegalArgumentException("file name must be a plain name, got '" + name + "'");
    }
    if (sizeBytes < 1) {
      throw new IllegalArgumentException("sizeBytes must be >= 1, got " + sizeBytes);
    }
    sha256 = sha256.toLowerCase(Locale.ROOT);
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("sha256 must be 64 hex digits, got '" + sha256 + "'");
    }
  }
}
