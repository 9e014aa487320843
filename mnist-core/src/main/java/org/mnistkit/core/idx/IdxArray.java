package org.mnistkit.core.idx;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.mnistkit.core.tensor.FloatMatrix;

/**
 * What one IDX file holds: an element type, a shape of rank 1 to 255 and the elements in row-major
 * (C) order, like an R array filled with {@code array_reshape} or a NumPy array.
 *
 * <p>The elements are kept in one primitive array of the type's natural Java kind: {@code byte[]}
 * for UBYTE and BYTE, {@code short[]}, {@code int[]}, {@code float[]} or {@code double[]}. The
 * factories take that array as it is, without copying; the caller must not change it afterwards.
 * Every accessor returns copies, so an {@code IdxArray} is immutable once built. UBYTE elements
 * read as 0..255 through the numeric accessors.
 *
 * <p>The element count is at most {@link #MAX_ELEMENTS}, the largest array a JVM can allocate.
 */
public final class IdxArray {

  /** The largest element count an {@code IdxArray} can hold: {@code Integer.MAX_VALUE - 8}. */
  public static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;

  private final IdxType type;
  private final int[] shape;
  private final Object data;
  private final int size;

  private IdxArray(IdxType type, int[] shape, Object data, int length) {
    this.type = type;
    this.shape = shape.clone();
    this.size = checkShape(this.shape);
    if (length != size) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "shape %s needs %d elements but the data array has %d", Arrays.toString(shape), size, length));
    }
    this.data = data;
  }

  /**
   * @param data unsigned bytes (0..255 stored as Java bytes), used without copying
   * @param shape each dimension at least 1, rank 1 to 255, product equal to {@code data.length}
   * @return a UBYTE array
   * @throws IllegalArgumentException when the shape is invalid or does not match the data length
   */
  public static IdxArray ofUnsignedBytes(byte[] data, int... shape) {
    return new IdxArray(IdxType.UBYTE, shape, data, data.length);
  }

  /**
   * Like {@link #ofUnsignedBytes} for signed bytes (-128..127).
   *
   * @param data the elements in row-major order, signed bytes, -128..127, used without copying
   * @param shape each dimension at least 1, rank 1 to 255, product equal to {@code data.length}
   * @return a BYTE array
   * @throws IllegalArgumentException when the shape is invalid or does not match the data length
   */
  public static IdxArray ofBytes(byte[] data, int... shape) {
    return new IdxArray(IdxType.BYTE, shape, data, data.length);
  }

  /**
   * Like {@link #ofUnsignedBytes} for 16-bit integers.
   *
   * @param data the elements in row-major order, signed 16-bit integers, used without copying
   * @param shape each dimension at least 1, rank 1 to 255, product equal to {@code data.length}
   * @return a SHORT array
   * @throws IllegalArgumentException when the shape is invalid or does not match the data length
   */
  public static IdxArray ofShorts(short[] data, int... shape) {
    return new IdxArray(IdxType.SHORT, shape, data, data.length);
  }

  /**
   * Like {@link #ofUnsignedBytes} for 32-bit integers.
   *
   * @param data the elements in row-major order, signed 32-bit integers, used without copying
   * @param shape each dimension at least 1, rank 1 to 255, product equal to {@code data.length}
   * @return an INT array
   * @throws IllegalArgumentException when the shape is invalid or does not match the data length
   */
  public static IdxArray ofInts(int[] data, int... shape) {
    return new IdxArray(IdxType.INT, shape, data, data.length);
  }

  /**
   * Like {@link #ofUnsignedBytes} for 32-bit floats.
   *
   * @param data the elements in row-major order, IEEE 754 single-precision values, used without copying
   * @param shape each dimension at least 1, rank 1 to 255, product equal to {@code data.length}
   * @return a FLOAT array
   * @throws IllegalArgumentException when the shape is invalid or does not match the data length
   */
  public static IdxArray ofFloats(float[] data, int... shape) {
    return new IdxArray(IdxType.FLOAT, shape, data, data.length);
  }

  /**
   * Like {@link #ofUnsignedBytes} for 64-bit floats.
   *
   * @param data the elements in row-major order, IEEE 754 double-precision values, used without copying
   * @param shape each dimension at least 1, rank 1 to 255, product equal to {@code data.length}
   * @return a DOUBLE array
   * @throws IllegalArgumentException when the shape is invalid or does not match the data length
   */
  public static IdxArray ofDoubles(double[] data, int... shape) {
    return new IdxArray(IdxType.DOUBLE, shape, data, data.length);
  }

  /**
   * Validates a shape and returns its element count.
   *
   * @throws IllegalArgumentException for rank 0 or above 255, a dimension below 1, or a product above
   *     {@link #MAX_ELEMENTS}
   */
  static int checkShape(int[] shape) {
    if (shape.length < 1 || shape.length > 255) {
      throw new IllegalArgumentException("rank must be in 1..255, got " + shape.length);
    }
    long count = 1;
    for (int i = 0; i < shape.length; i++) {
      if (shape[i] < 1) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "dimension %d must be >= 1, got %d (shape %s)", i, shape[i], Arrays.toString(shape)));
      }
      count *= shape[i]; // cannot overflow a long before exceeding MAX_ELEMENTS below
      if (count > MAX_ELEMENTS) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "shape %s has more than %d elements", Arrays.toString(shape), MAX_ELEMENTS));
      }
    }
    return (int) count;
  }

  /** @return the element type */
  public IdxType type() {
    return type;
  }

  /** @return a copy of the shape, for example {@code [60000, 28, 28]} */
  public int[] shape() {
    return shape.clone();
  }

  /** @return the number of dimensions, 1..255 */
  public int rank() {
    return shape.length;
  }

  /**
   * @param axis 0 ≤ axis &lt; rank
   * @return the size of that dimension, at least 1
   * @throws IndexOutOfBoundsException when the axis is out of range
   */
  public int dim(int axis) {
    Objects.checkIndex(axis, shape.length);
    return shape[axis];
  }

  /** @return the number of elements, the product of the shape */
  public int size() {
    return size;
  }

  /**
   * Element {@code index} in row-major order as a double; UBYTE reads as 0..255.
   *
   * @param index the flat row-major position, 0..size-1
   * @return the element's value, exact for every type (a float is widened)
   * @throws IndexOutOfBoundsException when index is outside 0..size-1
   */
  public double getDouble(int index) {
    Objects.checkIndex(index, size);
    return switch (type) {
      case UBYTE -> ((byte[]) data)[index] & 0xFF;
      case BYTE -> ((byte[]) data)[index];
      case SHORT -> ((short[]) data)[index];
      case INT -> ((int[]) data)[index];
      case FLOAT -> ((float[]) data)[index];
      case DOUBLE -> ((double[]) data)[index];
    };
  }

  /**
   * Element {@code index} of an integer-typed array; UBYTE reads as 0..255.
   *
   * @param index the flat row-major position, 0..size-1
   * @return the element's value: 0..255 for UBYTE, -128..127 for BYTE, the 16- or 32-bit value
   *     otherwise
   * @throws IllegalStateException when the type is FLOAT or DOUBLE
   * @throws IndexOutOfBoundsException when index is outside 0..size-1
   */
  public int getInt(int index) {
    requireInteger();
    return (int) getDouble(index);
  }

  /** @return all elements as doubles in row-major order (a new array); UBYTE as 0..255 */
  public double[] toDoubleArray() {
    double[] out = new double[size];
    for (int i = 0; i < size; i++) {
      out[i] = getDouble(i);
    }
    return out;
  }

  /** @return all elements as floats in row-major order (a new array); UBYTE as 0..255, DOUBLE rounded */
  public float[] toFloatArray() {
    float[] out = new float[size];
    if (type == IdxType.UBYTE) {
      byte[] b = (byte[]) data;
      for (int i = 0; i < size; i++) {
        out[i] = b[i] & 0xFF;
      }
    } else if (type == IdxType.FLOAT) {
      System.arraycopy(data, 0, out, 0, size);
    } else {
      for (int i = 0; i < size; i++) {
        out[i] = (float) getDouble(i);
      }
    }
    return out;
  }

  /**
   * @return all elements of an integer-typed array as ints (a new array); UBYTE as 0..255
   * @throws IllegalStateException when the type is FLOAT or DOUBLE
   */
  public int[] toIntArray() {
    requireInteger();
    int[] out = new int[size];
    for (int i = 0; i < size; i++) {
      out[i] = (int) getDouble(i);
    }
    return out;
  }

  /**
   * @return the raw bytes of a UBYTE or BYTE array (a new array), as stored in the file
   * @throws IllegalStateException for any other type
   */
  public byte[] toByteArray() {
    if (type != IdxType.UBYTE && type != IdxType.BYTE) {
      throw new IllegalStateException("toByteArray needs a ubyte or byte array, this one is " + type);
    }
    return ((byte[]) data).clone();
  }

  /**
   * The same elements under a new shape, in row-major order like R's {@code array_reshape} or
   * NumPy's {@code reshape}; the data is shared, not copied. One dimension may be -1 and is then
   * inferred.
   *
   * @param newShape the new dimensions; their product must equal {@link #size()}
   * @return a view with the new shape
   * @throws IllegalArgumentException when the element counts differ or more than one -1 is given
   */
  public IdxArray reshape(int... newShape) {
    int[] resolved = newShape.clone();
    int inferred = -1;
    long known = 1;
    for (int i = 0; i < resolved.length; i++) {
      if (resolved[i] == -1) {
        if (inferred >= 0) {
          throw new IllegalArgumentException("only one dimension may be -1 in " + Arrays.toString(newShape));
        }
        inferred = i;
      } else {
        known *= Math.max(resolved[i], 1);
      }
    }
    if (inferred >= 0) {
      if (known == 0 || size % known != 0) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "cannot reshape %d elements %s to %s", size, Arrays.toString(shape), Arrays.toString(newShape)));
      }
      resolved[inferred] = (int) (size / known);
    }
    long count = 1;
    for (int d : resolved) {
      count *= d;
    }
    if (count != size) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "cannot reshape %s (%d elements) to %s (%d elements)",
          Arrays.toString(shape), size, Arrays.toString(resolved), count));
    }
    return new IdxArray(type, resolved, data, size);
  }

  /**
   * Sub-arrays along the first axis, in the given order (repeats allowed), copied into a new
   * array: {@code select(new int[] {4})} on [60000, 28, 28] images gives [1, 28, 28].
   *
   * @param indices each in 0..dim(0)-1
   * @return a new array of shape [indices.length, dim(1), ...]; for rank 1, [indices.length]
   * @throws IllegalArgumentException when indices is empty
   * @throws IndexOutOfBoundsException naming the first index out of range
   */
  public IdxArray select(int[] indices) {
    if (indices.length == 0) {
      throw new IllegalArgumentException("select needs at least one index");
    }
    int block = size / shape[0];
    Object out = java.lang.reflect.Array.newInstance(data.getClass().getComponentType(),
        Math.multiplyExact(indices.length, block));
    for (int i = 0; i < indices.length; i++) {
      Objects.checkIndex(indices[i], shape[0]);
      System.arraycopy(data, indices[i] * block, out, i * block, block);
    }
    int[] newShape = shape.clone();
    newShape[0] = indices.length;
    return new IdxArray(type, newShape, out, indices.length * block);
  }

  /**
   * One sub-array along the first axis, copied: {@code slice(4)} of [60000, 28, 28] images is the
   * fifth image, [28, 28].
   *
   * @param index 0..dim(0)-1
   * @return a new array of rank - 1 (rank 1 arrays give shape [1])
   * @throws IndexOutOfBoundsException when index is out of range
   */
  public IdxArray slice(int index) {
    IdxArray one = select(new int[] {index});
    return shape.length == 1 ? one : one.reshape(Arrays.copyOfRange(shape, 1, shape.length));
  }

  /**
   * Converts a rank-2 array to a float matrix (a copy): rows = dim(0), cols = dim(1). Use
   * {@code reshape(n, -1).toFloatMatrix()} for images, which gives n x 784 for MNIST.
   *
   * @return a new matrix with the values as floats (UBYTE as 0..255)
   * @throws IllegalStateException when the rank is not 2
   */
  public FloatMatrix toFloatMatrix() {
    if (shape.length != 2) {
      throw new IllegalStateException("toFloatMatrix needs a rank-2 array, this one has shape "
          + Arrays.toString(shape) + "; reshape(n, -1) first");
    }
    return FloatMatrix.wrap(shape[0], shape[1], toFloatArray());
  }

  /** Raw access for the writer in this package: the backing array, not a copy. */
  Object data() {
    return data;
  }

  private void requireInteger() {
    if (!type.isInteger()) {
      throw new IllegalStateException("integer access needs an integer type, this array is " + type);
    }
  }

  /** Two arrays are equal when type, shape and every element are equal (floats compared bitwise). */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof IdxArray other)) {
      return false;
    }
    return type == other.type && Arrays.equals(shape, other.shape) && Arrays.deepEquals(
        new Object[] {data}, new Object[] {other.data});
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, Arrays.hashCode(shape), Arrays.deepHashCode(new Object[] {data}));
  }

  /** @return a summary such as {@code IdxArray[ubyte (0x08), shape=[60000, 28, 28]]} */
  @Override
  public String toString() {
    return "IdxArray[" + type + ", shape=" + Arrays.toString(shape) + "]";
  }
}
