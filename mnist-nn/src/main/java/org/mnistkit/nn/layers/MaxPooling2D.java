package org.mnistkit.nn.layers;

import java.util.List;
import java.util.Objects;

/**
 * Keras's {@code layer_max_pooling_2d}: the maximum over each window of an image, per channel.
 * Takes {@code (h, w, c)}, produces {@code (h', w', c)}; no parameters.
 *
 * @param poolSize (ph, pw), each at least 1 (Keras default (2, 2))
 * @param strides (sh, sw), each at least 1 (Keras default: the pool size)
 * @param padding {@link Padding#VALID} (Keras default) or {@link Padding#SAME}
 * @param inputShape the declared input shape (h, w, c), or empty to infer it
 */
public record MaxPooling2D(List<Integer> poolSize, List<Integer> strides, Padding padding,
    List<Integer> inputShape) implements Layer {

  /**
   * Checks the settings and keeps unmodifiable copies of the lists.
   *
   * @param poolSize two values (ph, pw), each at least 1
   * @param strides two values (sh, sw), each at least 1
   * @param padding {@link Padding#VALID} or {@link Padding#SAME}; not null
   * @param inputShape empty, or the declared input shape (h, w, c), each at least 1
   * @throws IllegalArgumentException naming the bad value when a setting is out of range or the
   *     input shape is not (h, w, c)
   * @throws NullPointerException when padding or a list is null
   */
  public MaxPooling2D {
    poolSize = Shapes.pair("poolSize", Shapes.toArray(poolSize));
    strides = Shapes.pair("strides", Shapes.toArray(strides));
    Objects.requireNonNull(padding, "padding");
    inputShape = List.copyOf(inputShape);
    if (!inputShape.isEmpty()) {
      Shapes.inputShape("max_pooling2d", Shapes.toArray(inputShape), 3);
      Shapes.requireImage("max_pooling2d", Shapes.toArray(inputShape));
    }
  }

  /** @return a copy declaring the input shape (height, width, channels) */
  public MaxPooling2D inputShape(int... shape) {
    return new MaxPooling2D(poolSize, strides, padding, Shapes.inputShape("max_pooling2d", shape, 3));
  }

  /**
   * Sets the step of the window along each axis.
   *
   * @param sh the vertical stride in pixels, at least 1
   * @param sw the horizontal stride in pixels, at least 1
   * @return a copy with strides (sh, sw)
   * @throws IllegalArgumentException when a stride is below 1
   */
  public MaxPooling2D strides(int sh, int sw) {
    return new MaxPooling2D(poolSize, List.of(sh, sw), padding, inputShape);
  }

  /**
   * Sets the padding.
   *
   * @param newPadding {@link Padding#VALID} (no padding) or {@link Padding#SAME} (output size
   *     ceil(in / stride))
   * @return a copy with that padding
   * @throws NullPointerException when newPadding is null
   */
  public MaxPooling2D padding(Padding newPadding) {
    return new MaxPooling2D(poolSize, strides, newPadding, inputShape);
  }

  @Override
  public String typeName() {
    return "MaxPooling2D";
  }

  @Override
  public String baseName() {
    return "max_pooling2d";
  }

  @Override
  public int[] outputShape(int[] input) {
    Shapes.requireImage("max_pooling2d", input);
    return new int[] {
        Shapes.window("max_pooling2d", input, input[0], poolSize.get(0), strides.get(0), padding),
        Shapes.window("max_pooling2d", input, input[1], poolSize.get(1), strides.get(1), padding),
        input[2]};
  }

  @Override
  public long countParams(int[] input) {
    return 0;
  }
}
