package org.mnistkit.nn.layers;

import java.util.List;
import java.util.Objects;

/**
 * A 2-D convolution, Keras's {@code layer_conv_2d}, on channels-last images: takes
 * {@code (h, w, c)} and produces {@code (h', w', filters)} where h' and w' follow from the kernel
 * size, the strides and the {@link Padding}. Has {@code kh * kw * c * filters + filters}
 * parameters (without the last term when useBias is false).
 *
 * @param filters number of output channels, at least 1
 * @param kernelSize (kh, kw), each at least 1
 * @param strides (sh, sw), each at least 1 (Keras default (1, 1))
 * @param padding {@link Padding#VALID} (Keras default) or {@link Padding#SAME}
 * @param activation Keras default {@link Activation#LINEAR}
 * @param useBias default true
 * @param kernelInitializer default {@link Initializer#GLOROT_UNIFORM}
 * @param biasInitializer {@link Initializer#ZEROS} (default) or {@link Initializer#ONES}
 * @param inputShape the declared input shape (h, w, c), or empty to infer it
 */
public record Conv2D(int filters, List<Integer> kernelSize, List<Integer> strides, Padding padding,
    Activation activation, boolean useBias, Initializer kernelInitializer, Initializer biasInitializer,
    List<Integer> inputShape) implements Layer {

  /**
   * Checks the settings and keeps unmodifiable copies of the lists.
   *
   * @param filters number of output channels, at least 1
   * @param kernelSize two values (kh, kw), each at least 1
   * @param strides two values (sh, sw), each at least 1
   * @param padding {@link Padding#VALID} or {@link Padding#SAME}; not null
   * @param activation applied to each output value; not null
   * @param useBias whether each filter has a bias
   * @param kernelInitializer initial kernel values; not null
   * @param biasInitializer {@link Initializer#ZEROS} or {@link Initializer#ONES}
   * @param inputShape empty, or the declared input shape (h, w, c), each at least 1
   * @throws IllegalArgumentException naming the bad value when a setting is out of range, the
   *     bias initializer is not constant, or the input shape is not (h, w, c)
   * @throws NullPointerException when padding, activation, an initializer or a list is null
   */
  public Conv2D {
    if (filters < 1) {
      throw new IllegalArgumentException("filters must be >= 1, got " + filters);
    }
    kernelSize = Shapes.pair("kernelSize", Shapes.toArray(kernelSize));
    strides = Shapes.pair("strides", Shapes.toArray(strides));
    Objects.requireNonNull(padding, "padding");
    Objects.requireNonNull(activation, "activation");
    Objects.requireNonNull(kernelInitializer, "kernelInitializer");
    if (!biasInitializer.isConstant()) {
      throw new IllegalArgumentException("biasInitializer must be zeros or ones (Deeplearning4j supports "
          + "constant biases only), got " + biasInitializer);
    }
    inputShape = List.copyOf(inputShape);
    if (!inputShape.isEmpty()) {
      Shapes.inputShape("conv2d", Shapes.toArray(inputShape), 3);
      Shapes.requireImage("conv2d", Shapes.toArray(inputShape));
    }
  }

  /** @return a copy declaring the input shape (height, width, channels) */
  public Conv2D inputShape(int... shape) {
    return new Conv2D(filters, kernelSize, strides, padding, activation, useBias, kernelInitializer,
        biasInitializer, Shapes.inputShape("conv2d", shape, 3));
  }

  /**
   * Sets the step of the kernel along each axis.
   *
   * @param sh the vertical stride in pixels, at least 1
   * @param sw the horizontal stride in pixels, at least 1
   * @return a copy with strides (sh, sw)
   * @throws IllegalArgumentException when a stride is below 1
   */
  public Conv2D strides(int sh, int sw) {
    return new Conv2D(filters, kernelSize, List.of(sh, sw), padding, activation, useBias,
        kernelInitializer, biasInitializer, inputShape);
  }

  /**
   * Sets the padding.
   *
   * @param newPadding {@link Padding#VALID} (no padding) or {@link Padding#SAME} (output size
   *     ceil(in / stride))
   * @return a copy with that padding
   * @throws NullPointerException when newPadding is null
   */
  public Conv2D padding(Padding newPadding) {
    return new Conv2D(filters, kernelSize, strides, newPadding, activation, useBias, kernelInitializer,
        biasInitializer, inputShape);
  }

  /**
   * Sets whether each filter has a bias.
   *
   * @param newUseBias true for {@code filters} bias parameters, false for none
   * @return a copy with or without a bias per filter
   */
  public Conv2D useBias(boolean newUseBias) {
    return new Conv2D(filters, kernelSize, strides, padding, activation, newUseBias, kernelInitializer,
        biasInitializer, inputShape);
  }

  /**
   * Sets how the kernel is initialized by {@code compile}.
   *
   * @param initializer the kernel initializer, such as {@link Initializer#HE_NORMAL}; not null
   * @return a copy with that kernel initializer
   * @throws NullPointerException when initializer is null
   */
  public Conv2D kernelInitializer(Initializer initializer) {
    return new Conv2D(filters, kernelSize, strides, padding, activation, useBias, initializer,
        biasInitializer, inputShape);
  }

  @Override
  public String typeName() {
    return "Conv2D";
  }

  @Override
  public String baseName() {
    return "conv2d";
  }

  @Override
  public int[] outputShape(int[] input) {
    Shapes.requireImage("conv2d", input);
    return new int[] {
        Shapes.window("conv2d", input, input[0], kernelSize.get(0), strides.get(0), padding),
        Shapes.window("conv2d", input, input[1], kernelSize.get(1), strides.get(1), padding),
        filters};
  }

  @Override
  public long countParams(int[] input) {
    outputShape(input);
    return (long) kernelSize.get(0) * kernelSize.get(1) * input[2] * filters + (useBias ? filters : 0);
  }
}
