package org.mnistkit.core.data;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where a split's images came from, when that is known for sure: the dataset's name, the split,
 * and the SHA-256 of the uncompressed files it was read from. {@link Mnist#load()} and
 * {@link Mnist#fashion()} attach one to both splits (their files are checked against the
 * published checksums); it follows the split into {@link LabeledImages#subset}, {@link
 * LabeledImages#toMatrix()} and {@link LabeledImages#toScaledMatrix()}, and the models record it
 * in their provenance when they are fitted on such a matrix.
 *
 * @param dataset the dataset's name, such as {@code mnist} or {@code fashion-mnist}; not blank
 * @param split {@code train} or {@code test} (any non-blank name)
 * @param sha256 file name to the 64 lower-case hex digits of its uncompressed content; copied,
 *     sorted by name, may be empty
 */
public record DataOrigin(String dataset, String split, Map<String, String> sha256) {

  /**
   * Checks the names and checksums and keeps a sorted, unmodifiable copy of the checksum map.
   *
   * @param dataset the dataset's name, such as {@code mnist}; not null, not blank
   * @param split the split's name, such as {@code train}; not null, not blank
   * @param sha256 file name to 64 lower-case hex digits; not null, may be empty
   * @throws IllegalArgumentException when dataset or split is blank or a checksum is not 64 hex digits
   * @throws NullPointerException when dataset or split is null
   */
  public DataOrigin {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(split, "split");
    if (dataset.isBlank() || split.isBlank()) {
      throw new IllegalArgumentException("dataset and split must not be blank, got '" + dataset
          + "', '" + split + "'");
    }
    TreeMap<String, String> copy = new TreeMap<>();
    sha256.forEach((file, hex) -> {
      if (!hex.matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException("sha256 of " + file + " must be 64 lower-case hex digits, got '" + hex + "'");
      }
      copy.put(file, hex);
    });
    sha256 = java.util.Collections.unmodifiableSortedMap(copy);
  }

  /** @return for example {@code mnist train} */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s %s", dataset, split);
  }
}
