package org.mnistkit.core.data;

/**
 * Where the label is in each row of a CSV file of images.
 *
 * <p>A file has a header when no field of its first row is an integer (Kaggle's
 * {@code label,pixel0,...,pixel783}). With {@link #AUTO}, the label is the header's column named
 * {@code label} (any case), and a header without one (Kaggle's {@code test.csv}) means a split
 * without labels. A headerless file cannot name its columns, so {@link #AUTO} decides by their
 * count c: when c is a square number, every column is a pixel and there is no label; when c - 1 is,
 * the label is the first column (as in the widespread {@code mnist_train.csv}). A label in the last
 * column has to be asked for with {@link #LAST}.
 */
public enum CsvLabelColumn {
  /** By the header's {@code label} column, else by the column count (see the class comment). */
  AUTO,
  /** The first column is the label, the rest are pixels. */
  FIRST,
  /** The last column is the label, the rest are pixels. */
  LAST,
  /** No label: every column is a pixel (images for prediction only). */
  NONE;

  /**
   * @param name auto, first, last or none, any case
   * @return the value
   * @throws IllegalArgumentException for any other name
   */
  public static CsvLabelColumn parse(String name) {
    return OptionNames.parse(values(), c -> c.name().toLowerCase(java.util.Locale.ROOT), name, "label column");
  }
}
