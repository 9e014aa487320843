package org.mnistkit.nn;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Shape helpers shared by the layer specs: formatting, validation and window arithmetic. */
final class Shapes {

  private Shapes() {}

  /** @return Keras's notation without the batch dimension, such as {@code (28, 28, 1)} */
  static String format(int[] shape) {
    return Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", ", "(", ")"));
  }

  /** @return Keras's notation with the batch dimension, such as {@code (None, 512)} */
  static String formatBatch(int[] shape) {
    return format(shape).replaceFirst("^\\(", "(None, ");
  }

  static long product(int[] shape) {
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

  static int[] toArray(List<Integer> shape) {
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
