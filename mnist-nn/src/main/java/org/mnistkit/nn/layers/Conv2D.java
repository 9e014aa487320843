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

  /** @throws IllegalArgumentException naming the bad value when a setting is out of range */
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

  /** @return a copy with strides (sh, sw) */
  public Conv2D strides(int sh, int sw) {
    return new Conv2D(filters, kernelSize, List.of(sh, sw), padding, activation, useBias,
        kernelInitializer, biasInitializer, inputShape);
  }

  /** @return a copy with another padding */
  public Conv2D padding(Padding newPadding) {
    return new Conv2D(filters, kernelSize, strides, newPadding, activation, useBias, kernelInitializer,
        biasInitializer, inputShape);
  }

  /** @return a copy with or without a bias per filter */
  public Conv2D useBias(boolean newUseBias) {
    return new Conv2D(filters, kernelSize, strides, padding, activation, newUseBias, kernelInitializer,
        biasInitializer, inputShape);
  }

  /** @return a copy with another kernel initializer */
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
