package org.mnistkit.nn.layers;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A fully connected layer, Keras's {@code layer_dense}: output = activation(input . kernel + bias)
 * with a kernel of {@code inputWidth x units}. Takes a flat input {@code (d)} and produces
 * {@code (units)}; has {@code d * units + units} parameters ({@code d * units} without bias). The
 * last layer of a model must be dense: it becomes the output layer, whose units match the label
 * width.
 *
 * @param units number of output units, at least 1
 * @param activation applied to the output (Keras default {@link Activation#LINEAR})
 * @param useBias whether the layer has a bias vector (default true)
 * @param kernelInitializer initial kernel values (default {@link Initializer#GLOROT_UNIFORM})
 * @param biasInitializer initial bias values: {@link Initializer#ZEROS} (default) or
 *     {@link Initializer#ONES}
 * @param inputShape the declared input shape {@code (d)}, or empty to infer it
 */
public record Dense(int units, Activation activation, boolean useBias, Initializer kernelInitializer,
    Initializer biasInitializer, List<Integer> inputShape) implements Layer {

  /**
   * Checks the settings and keeps an unmodifiable copy of the input shape.
   *
   * @param units number of output units, at least 1
   * @param activation applied to the output; not null
   * @param useBias whether the layer has a bias vector of {@code units} values
   * @param kernelInitializer initial kernel values; not null
   * @param biasInitializer {@link Initializer#ZEROS} or {@link Initializer#ONES}; not null
   * @param inputShape empty, or one dimension {@code (d)} with d at least 1
   * @throws IllegalArgumentException when units &lt; 1, the bias initializer is not constant or the
   *     input shape is not one dimension &gt;= 1
   * @throws NullPointerException when activation, an initializer or inputShape is null
   */
  public Dense {
    if (units < 1) {
      throw new IllegalArgumentException("units must be >= 1, got " + units);
    }
    Objects.requireNonNull(activation, "activation");
    Objects.requireNonNull(kernelInitializer, "kernelInitializer");
    Objects.requireNonNull(biasInitializer, "biasInitializer");
    if (!biasInitializer.isConstant()) {
      throw new IllegalArgumentException("biasInitializer must be zeros or ones (Deeplearning4j supports "
          + "constant biases only), got " + biasInitializer);
    }
    inputShape = List.copyOf(inputShape);
    if (!inputShape.isEmpty()) {
      Shapes.inputShape("dense", Shapes.toArray(inputShape), 1);
    }
  }

  /** @return a copy declaring the input width {@code (d)}, as Keras's {@code input_shape = c(d)} */
  public Dense inputShape(int... shape) {
    return new Dense(units, activation, useBias, kernelInitializer, biasInitializer,
        Shapes.inputShape("dense", shape, 1));
  }

  /**
   * Sets the activation.
   *
   * @param newActivation applied to the output, such as {@link Activation#SOFTMAX}; not null
   * @return a copy with that activation
   * @throws NullPointerException when newActivation is null
   */
  public Dense activation(Activation newActivation) {
    return new Dense(units, newActivation, useBias, kernelInitializer, biasInitializer, inputShape);
  }

  /**
   * Sets whether the layer has a bias vector.
   *
   * @param newUseBias true for {@code units} bias parameters, false for none
   * @return a copy with or without a bias vector
   */
  public Dense useBias(boolean newUseBias) {
    return new Dense(units, activation, newUseBias, kernelInitializer, biasInitializer, inputShape);
  }

  /**
   * Sets how the kernel is initialized by {@code compile}.
   *
   * @param initializer the kernel initializer, such as {@link Initializer#HE_NORMAL}; not null
   * @return a copy with that kernel initializer
   * @throws NullPointerException when initializer is null
   */
  public Dense kernelInitializer(Initializer initializer) {
    return new Dense(units, activation, useBias, initializer, biasInitializer, inputShape);
  }

  /**
   * Sets how the bias is initialized by {@code compile}.
   *
   * @param initializer {@link Initializer#ZEROS} or {@link Initializer#ONES}
   * @return a copy with that bias initializer
   * @throws IllegalArgumentException when the initializer is not constant (Deeplearning4j supports
   *     constant biases only)
   * @throws NullPointerException when initializer is null
   */
  public Dense biasInitializer(Initializer initializer) {
    return new Dense(units, activation, useBias, kernelInitializer, initializer, inputShape);
  }

  @Override
  public String typeName() {
    return "Dense";
  }

  @Override
  public String baseName() {
    return "dense";
  }

  @Override
  public int[] outputShape(int[] input) {
    if (input.length != 1) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "dense expects a flat input (d) but gets %s; put flatten() before it", Shapes.format(input)));
    }
    return new int[] {units};
  }

  @Override
  public long countParams(int[] input) {
    outputShape(input);
    return (long) input[0] * units + (useBias ? units : 0);
  }
}
