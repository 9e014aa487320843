package org.mnistkit.nn.layers;

import java.util.List;

/**
 * Static factories for layers with Keras's defaults, to be statically imported:
 *
 * <pre>{@code
 * import static org.mnistkit.nn.layers.Activation.*;
 * import static org.mnistkit.nn.layers.Layers.*;
 *
 * var model = Sequential.of(dense(512, RELU).inputShape(784), dense(10, SOFTMAX));
 * }</pre>
 */
public final class Layers {

  private Layers() {}

  /**
   * @param units at least 1
   * @return a dense layer with a linear activation, a bias, glorot_uniform kernel and zero bias
   * @throws IllegalArgumentException when units &lt; 1
   */
  public static Dense dense(int units) {
    return dense(units, Activation.LINEAR);
  }

  /** @see #dense(int) */
  public static Dense dense(int units, Activation activation) {
    return new Dense(units, activation, true, Initializer.GLOROT_UNIFORM, Initializer.ZEROS, List.of());
  }

  /**
   * @param activation a Keras name such as "relu"
   * @throws IllegalArgumentException when units &lt; 1 or the activation is unknown
   * @see #dense(int)
   */
  public static Dense dense(int units, String activation) {
    return dense(units, Activation.of(activation));
  }

  /**
   * @param rate probability of dropping each value during training, in [0, 1)
   * @throws IllegalArgumentException when rate is outside [0, 1)
   */
  public static Dropout dropout(double rate) {
    return new Dropout(rate, List.of());
  }

  /**
   * @param filters output channels, at least 1
   * @param kernelSize height and width of the square kernel, at least 1
   * @param activation applied to the output
   * @return a convolution with strides (1, 1), "valid" padding, bias, glorot_uniform kernel
   */
  public static Conv2D conv2d(int filters, int kernelSize, Activation activation) {
    return conv2d(filters, kernelSize, kernelSize, activation);
  }

  /** @see #conv2d(int, int, Activation) */
  public static Conv2D conv2d(int filters, int kernelHeight, int kernelWidth, Activation activation) {
    return new Conv2D(filters, List.of(kernelHeight, kernelWidth), List.of(1, 1), Padding.VALID,
        activation, true, Initializer.GLOROT_UNIFORM, Initializer.ZEROS, List.of());
  }

  /** @see #conv2d(int, int, Activation) */
  public static Conv2D conv2d(int filters, int kernelSize, String activation) {
    return conv2d(filters, kernelSize, Activation.of(activation));
  }

  /** @return 2 x 2 max pooling with strides (2, 2) and "valid" padding */
  public static MaxPooling2D maxPooling2d() {
    return maxPooling2d(2, 2);
  }

  /** @return square max pooling whose strides equal its size */
  public static MaxPooling2D maxPooling2d(int poolSize) {
    return maxPooling2d(poolSize, poolSize);
  }

  /** @return max pooling whose strides equal its size (Keras's default) */
  public static MaxPooling2D maxPooling2d(int poolHeight, int poolWidth) {
    return new MaxPooling2D(List.of(poolHeight, poolWidth), List.of(poolHeight, poolWidth), Padding.VALID,
        List.of());
  }

  /** @return a flatten layer */
  public static Flatten flatten() {
    return new Flatten(List.of());
  }
}
