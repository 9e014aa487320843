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

  /**
   * A dense layer with an activation, as Keras's {@code layer_dense(units, activation)}.
   *
   * @param units at least 1
   * @param activation applied to the output, such as {@link Activation#RELU}; not null
   * @return a dense layer with a bias, glorot_uniform kernel and zero bias
   * @throws IllegalArgumentException when units &lt; 1
   * @throws NullPointerException when activation is null
   * @see #dense(int)
   */
  public static Dense dense(int units, Activation activation) {
    return new Dense(units, activation, true, Initializer.GLOROT_UNIFORM, Initializer.ZEROS, List.of());
  }

  /**
   * A dense layer with an activation given by its Keras name.
   *
   * @param units at least 1
   * @param activation a Keras name such as "relu" (case-insensitive)
   * @return a dense layer with a bias, glorot_uniform kernel and zero bias
   * @throws IllegalArgumentException when units &lt; 1 or the activation is unknown
   * @see #dense(int)
   */
  public static Dense dense(int units, String activation) {
    return dense(units, Activation.of(activation));
  }

  /**
   * A dropout layer, as Keras's {@code layer_dropout(rate)}.
   *
   * @param rate probability of dropping each value during training, in [0, 1)
   * @return a dropout layer that infers its input shape
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

  /**
   * A convolution with a rectangular kernel.
   *
   * @param filters output channels, at least 1
   * @param kernelHeight kernel height in pixels, at least 1
   * @param kernelWidth kernel width in pixels, at least 1
   * @param activation applied to the output; not null
   * @return a convolution with strides (1, 1), "valid" padding, bias, glorot_uniform kernel
   * @throws IllegalArgumentException when filters or a kernel dimension is below 1
   * @throws NullPointerException when activation is null
   * @see #conv2d(int, int, Activation)
   */
  public static Conv2D conv2d(int filters, int kernelHeight, int kernelWidth, Activation activation) {
    return new Conv2D(filters, List.of(kernelHeight, kernelWidth), List.of(1, 1), Padding.VALID,
        activation, true, Initializer.GLOROT_UNIFORM, Initializer.ZEROS, List.of());
  }

  /**
   * A convolution with a square kernel and an activation given by its Keras name.
   *
   * @param filters output channels, at least 1
   * @param kernelSize height and width of the square kernel, at least 1
   * @param activation a Keras name such as "relu" (case-insensitive)
   * @return a convolution with strides (1, 1), "valid" padding, bias, glorot_uniform kernel
   * @throws IllegalArgumentException when filters or kernelSize is below 1 or the activation is
   *     unknown
   * @see #conv2d(int, int, Activation)
   */
  public static Conv2D conv2d(int filters, int kernelSize, String activation) {
    return conv2d(filters, kernelSize, Activation.of(activation));
  }

  /** @return 2 x 2 max pooling with strides (2, 2) and "valid" padding */
  public static MaxPooling2D maxPooling2d() {
    return maxPooling2d(2, 2);
  }

  /**
   * Square max pooling, as Keras's {@code layer_max_pooling_2d(pool_size = c(k, k))}.
   *
   * @param poolSize height and width of the window, at least 1
   * @return square max pooling whose strides equal its size, "valid" padding
   * @throws IllegalArgumentException when poolSize is below 1
   */
  public static MaxPooling2D maxPooling2d(int poolSize) {
    return maxPooling2d(poolSize, poolSize);
  }

  /**
   * Rectangular max pooling.
   *
   * @param poolHeight window height, at least 1
   * @param poolWidth window width, at least 1
   * @return max pooling whose strides equal its size (Keras's default), "valid" padding
   * @throws IllegalArgumentException when a window dimension is below 1
   */
  public static MaxPooling2D maxPooling2d(int poolHeight, int poolWidth) {
    return new MaxPooling2D(List.of(poolHeight, poolWidth), List.of(poolHeight, poolWidth), Padding.VALID,
        List.of());
  }

  /** @return a flatten layer */
  public static Flatten flatten() {
    return new Flatten(List.of());
  }
}
