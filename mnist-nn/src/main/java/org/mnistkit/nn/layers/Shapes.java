package org.mnistkit.nn.layers;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Shapes as Keras writes them, without the batch dimension: {@code (784)} for flat rows,
 * {@code (height, width, channels)} for images. The public methods format and measure shapes; the
 * package-private ones validate the layer specs and do their window arithmetic.
 */
public final class Shapes {

  private Shapes() {}

  /**
   * @param shape dimensions, outermost first
   * @return Keras's notation without the batch dimension, such as {@code (28, 28, 1)}
   */
  public static String format(int[] shape) {
    return Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", ", "(", ")"));
  }

  /**
   * @param shape dimensions without the batch dimension
   * @return Keras's notation with the batch dimension, such as {@code (None, 512)}
   */
  public static String formatBatch(int[] shape) {
    return format(shape).replaceFirst("^\\(", "(None, ");
  }

  /**
   * @param shape dimensions
   * @return the number of values in one row of that shape, such as 784 for (28, 28, 1)
   */
  public static long product(int[] shape) {
    long p = 1;
    for (int d : shape) {
      p *= d;
    }
    return p;
  }

  /**
   * Validates and copies a declared input shape.
   *
   * @throws IllegalArgumentException when it is empty, too long or has a dimension below 1
   */
  static List<Integer> inputShape(String layer, int[] dims, int maxRank) {
    if (dims.length == 0 || dims.length > maxRank) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s input shape must have 1..%d dimensions, got %s", layer, maxRank, format(dims)));
    }
    for (int d : dims) {
      if (d < 1) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s input shape dimensions must be >= 1, got %s", layer, format(dims)));
      }
    }
    return Arrays.stream(dims).boxed().toList();
  }

  /**
   * @param shape dimensions as a list, such as a layer's {@link Layer#inputShape()}
   * @return the same dimensions as an array
   */
  public static int[] toArray(List<Integer> shape) {
    return shape.stream().mapToInt(Integer::intValue).toArray();
  }

  /** @throws IllegalArgumentException unless the list holds two values >= 1 */
  static List<Integer> pair(String what, int[] values) {
    if (values.length != 2 || values[0] < 1 || values[1] < 1) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s must be two values >= 1 (height, width), got %s", what, format(values)));
    }
    return List.of(values[0], values[1]);
  }

  /**
   * The output length of a sliding window along one axis, as Keras computes it.
   *
   * @throws IllegalArgumentException for "valid" padding when the window is larger than the input
   */
  static int window(String layer, int[] input, int in, int size, int stride, Padding padding) {
    if (padding == Padding.SAME) {
      return (in + stride - 1) / stride;
    }
    if (in < size) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s window %d is larger than its input %s with padding \"valid\"", layer, size, format(input)));
    }
    return (in - size) / stride + 1;
  }

  /** @throws IllegalArgumentException unless the input is an image shape (height, width, channels) */
  static void requireImage(String layer, int[] input) {
    if (input.length != 3) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s expects an image input (height, width, channels) but gets %s; declare "
              + "inputShape(28, 28, 1) on the first layer", layer, format(input)));
    }
  }
}
