package org.mnistkit.core.tensor;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.mnistkit.core.data.DataOrigin;

/**
 * A dense row-major matrix of 32-bit floats: element (r, c) lives at {@code data[r * cols + c]}.
 * This is the matrix every mnistkit module consumes (the network, the forest, SVD and UMAP);
 * {@code n x 784} with values in [0, 1] for scaled MNIST images.
 *
 * <p>A matrix is a thin, mutable wrapper around one {@code float[]}: {@link #wrap} and
 * {@link #data()} share that array without copying, and {@link #row(int)} returns a view of one
 * row. Operations that return a new matrix say so. Not thread-safe for concurrent writes; reading
 * from many threads is safe.
 *
 * <p>A matrix made from a verified dataset split ({@code LabeledImages.toScaledMatrix()}) carries
 * that split's {@link DataOrigin}, which fitted models record in their provenance; {@link
 * #rowRange}, {@link #selectRows} and {@link #copy} keep it (the rows still come from those
 * files), every other operation that makes a new matrix drops it.
 */
public final class FloatMatrix {

  private final int rows;
  private final int cols;
  private final float[] data;
  private final DataOrigin origin; // null when unknown

  private FloatMatrix(int rows, int cols, float[] data, DataOrigin origin) {
    this.rows = rows;
    this.cols = cols;
    this.data = data;
    this.origin = origin;
  }

  /**
   * Wraps an existing row-major array without copying.
   *
   * @param rows number of rows, at least 0
   * @param cols number of columns, at least 0
   * @param data {@code rows * cols} values, row-major; later changes to it show in the matrix
   * @return a rows x cols matrix backed by {@code data}, with no {@link DataOrigin}
   * @throws IllegalArgumentException when a dimension is negative or data has the wrong length
   * @throws NullPointerException when data is null
   */
  public static FloatMatrix wrap(int rows, int cols, float[] data) {
    Objects.requireNonNull(data, "data");
    if (rows < 0 || cols < 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "rows and cols must be >= 0, got %d x %d", rows, cols));
    }
    if ((long) rows * cols != data.length) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "a %d x %d matrix needs %d values but the array has %d", rows, cols, (long) rows * cols,
          data.length));
    }
    return new FloatMatrix(rows, cols, data, null);
  }

  /**
   * @param rows number of rows, at least 0
   * @param cols number of columns, at least 0; rows * cols must fit in an int
   * @return a new matrix of zeros
   * @throws IllegalArgumentException when a dimension is negative or the product exceeds an array
   */
  public static FloatMatrix zeros(int rows, int cols) {
    if (rows < 0 || cols < 0 || (long) rows * cols > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "cannot allocate a %d x %d matrix (dimensions >= 0, at most %d values)", rows, cols,
          Integer.MAX_VALUE - 8));
    }
    return new FloatMatrix(rows, cols, new float[rows * cols], null);
  }

  /**
   * Copies a rectangular array of rows.
   *
   * @param values rows of equal length
   * @return a new matrix of {@code values.length x values[0].length}
   * @throws IllegalArgumentException when the rows differ in length
   */
  public static FloatMatrix of(float[][] values) {
    int r = values.length;
    int c = r == 0 ? 0 : values[0].length;
    FloatMatrix m = zeros(r, c);
    for (int i = 0; i < r; i++) {
      if (values[i].length != c) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "row %d has %d values, row 0 has %d", i, values[i].length, c));
      }
      System.arraycopy(values[i], 0, m.data, i * c, c);
    }
    return m;
  }

  /** @return the number of rows */
  public int rows() {
    return rows;
  }

  /** @return the number of columns */
  public int cols() {
    return cols;
  }

  /** @return {@code {rows, cols}} */
  public int[] shape() {
    return new int[] {rows, cols};
  }

  /**
   * The backing array, row-major, not a copy: the fast path for numeric code.
   *
   * @return the {@code rows * cols} values
   */
  public float[] data() {
    return data;
  }

  /**
   * @param row 0 ≤ row &lt; rows
   * @param col 0 ≤ col &lt; cols
   * @return the element
   * @throws IndexOutOfBoundsException when either index is out of range
   */
  public float get(int row, int col) {
    return data[index(row, col)];
  }

  /**
   * @param row 0 ≤ row &lt; rows
   * @param col 0 ≤ col &lt; cols
   * @param value the new element
   * @throws IndexOutOfBoundsException when either index is out of range
   */
  public void set(int row, int col, float value) {
    data[index(row, col)] = value;
  }

  /**
   * @param row 0 ≤ row &lt; rows
   * @return the offset of the row's first element in {@link #data()}, {@code row * cols}
   */
  public int rowOffset(int row) {
    Objects.checkIndex(row, rows);
    return row * cols;
  }

  /**
   * A view of one row without copying: reads and writes go to this matrix.
   *
   * @param row 0 ≤ row &lt; rows
   * @return a buffer of {@code cols} floats, position 0
   * @throws IndexOutOfBoundsException when row is out of range
   */
  public FloatBuffer row(int row) {
    return FloatBuffer.wrap(data, rowOffset(row), cols).slice();
  }

  /**
   * @param row 0 ≤ row &lt; rows
   * @return a copy of one row, {@code cols} values
   */
  public float[] rowCopy(int row) {
    int off = rowOffset(row);
    return Arrays.copyOfRange(data, off, off + cols);
  }

  /**
   * The same values under another shape, in row-major order; shares the data.
   *
   * @param newRows rows of the view
   * @param newCols columns of the view; {@code newRows * newCols} must equal {@code rows * cols}
   * @return a matrix sharing this one's array
   * @throws IllegalArgumentException when the element counts differ
   */
  public FloatMatrix reshape(int newRows, int newCols) {
    return wrap(newRows, newCols, data);
  }

  /**
   * Copies the given rows, in the given order, into a new matrix (repeats allowed).
   *
   * @param indices row indices, each in 0..rows-1
   * @return a new {@code indices.length x cols} matrix
   * @throws IndexOutOfBoundsException naming the first index out of range
   */
  public FloatMatrix selectRows(int[] indices) {
    FloatMatrix out = zeros(indices.length, cols);
    for (int i = 0; i < indices.length; i++) {
      System.arraycopy(data, rowOffset(indices[i]), out.data, i * cols, cols);
    }
    return out.withOrigin(origin);
  }

  /**
   * Copies the given columns, in the given order (repeats allowed), into a new matrix: for
   * example the first two principal components of a score matrix.
   *
   * @param columns column indices, each in 0..cols-1
   * @return a new {@code rows x columns.length} matrix
   * @throws IndexOutOfBoundsException naming the first index out of range
   */
  public FloatMatrix selectColumns(int... columns) {
    for (int c : columns) {
      Objects.checkIndex(c, cols);
    }
    FloatMatrix out = zeros(rows, columns.length);
    for (int r = 0; r < rows; r++) {
      int off = r * cols;
      for (int j = 0; j < columns.length; j++) {
        out.data[r * columns.length + j] = data[off + columns[j]];
      }
    }
    return out;
  }

  /**
   * Copies a contiguous range of rows.
   *
   * @param from first row, inclusive, 0..rows
   * @param to last row, exclusive, from..rows
   * @return a new {@code (to - from) x cols} matrix
   * @throws IndexOutOfBoundsException when the range is invalid
   */
  public FloatMatrix rowRange(int from, int to) {
    Objects.checkFromToIndex(from, to, rows);
    return wrap(to - from, cols, Arrays.copyOfRange(data, from * cols, to * cols)).withOrigin(origin);
  }

  /** @return a new matrix with the same shape and values */
  public FloatMatrix copy() {
    return wrap(rows, cols, data.clone()).withOrigin(origin);
  }

  /** @return the dataset split these rows were read from, when known (see {@link DataOrigin}) */
  public Optional<DataOrigin> origin() {
    return Optional.ofNullable(origin);
  }

  /**
   * The same matrix (sharing the array, without copying) labelled with the split it came from.
   *
   * @param newOrigin the split, or null for unknown
   * @return a matrix sharing this one's array
   */
  public FloatMatrix withOrigin(DataOrigin newOrigin) {
    return newOrigin == origin ? this : new FloatMatrix(rows, cols, data, newOrigin);
  }

  /**
   * Multiplies every element by a factor, in place ({@code x / 255} is {@code scaleInPlace(1f / 255)}
   * up to rounding; see {@link #divideInPlace} for the exact division).
   *
   * @param factor any finite value
   * @return this matrix
   */
  public FloatMatrix scaleInPlace(float factor) {
    for (int i = 0; i < data.length; i++) {
      data[i] *= factor;
    }
    return this;
  }

  /**
   * Divides every element by a divisor, in place, with IEEE float division like NumPy's
   * {@code x / 255.0} on float32.
   *
   * @param divisor a non-zero value
   * @return this matrix
   * @throws IllegalArgumentException when the divisor is zero or not finite
   */
  public FloatMatrix divideInPlace(float divisor) {
    if (divisor == 0f || !Float.isFinite(divisor)) {
      throw new IllegalArgumentException("divisor must be finite and non-zero, got " + divisor);
    }
    for (int i = 0; i < data.length; i++) {
      data[i] /= divisor;
    }
    return this;
  }

  /**
   * The index of each row's largest value (the first one on ties): class predictions from a matrix
   * of probabilities.
   *
   * @return {@code rows} column indices, each in 0..cols-1
   * @throws IllegalStateException when the matrix has no columns
   */
  public int[] argmaxRows() {
    if (cols == 0) {
      throw new IllegalStateException("argmaxRows needs at least one column");
    }
    int[] out = new int[rows];
    for (int r = 0; r < rows; r++) {
      int off = r * cols;
      int best = 0;
      for (int c = 1; c < cols; c++) {
        if (data[off + c] > data[off + best]) {
          best = c;
        }
      }
      out[r] = best;
    }
    return out;
  }

  /**
   * Finds the first NaN or infinite element, so that callers can reject such input with a message
   * naming its position.
   *
   * @return the flat index of the first non-finite element, or -1 when all are finite
   */
  public int indexOfNonFinite() {
    for (int i = 0; i < data.length; i++) {
      if (!Float.isFinite(data[i])) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Throws when any element is NaN or infinite; the message names the row, the column and the value.
   *
   * @param what a name for the matrix in the message, such as "x"
   * @return this matrix
   * @throws IllegalArgumentException at the first non-finite element
   */
  public FloatMatrix requireFinite(String what) {
    int i = indexOfNonFinite();
    if (i >= 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s has a non-finite value %s at row %d, column %d; remove or impute it first",
          what, data[i], i / cols, i % cols));
    }
    return this;
  }

  private int index(int row, int col) {
    Objects.checkIndex(row, rows);
    Objects.checkIndex(col, cols);
    return row * cols + col;
  }

  /** Equal when both shapes and every value are equal (compared as {@link Float#compare} does). */
  @Override
  public boolean equals(Object o) {
    return o instanceof FloatMatrix m && rows == m.rows && cols == m.cols && Arrays.equals(data, m.data);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * rows + cols) + Arrays.hashCode(data);
  }

  /** @return the shape, for example {@code FloatMatrix[60000 x 784]} */
  @Override
  public String toString() {
    return "FloatMatrix[" + rows + " x " + cols + "]";
  }
}
