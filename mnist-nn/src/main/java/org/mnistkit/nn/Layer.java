package org.mnistkit.nn;

import java.util.List;

/**
 * An immutable description of one layer of a {@link Sequential} model, as Keras's
 * {@code layer_*} functions describe it. Shapes leave out the batch dimension, as Keras does:
 * {@code (784)} for flat inputs, {@code (height, width, channels)} for images (channels last).
 * Build layers with the factories in {@link Layers}.
 */
public sealed interface Layer permits Dense, Dropout, Conv2D, MaxPooling2D, Flatten {

  /** @return Keras's class name, such as {@code "Dense"}, used by {@link Sequential#summary()} */
  String typeName();

  /** @return Keras's base layer name, such as {@code "dense"} ("dense_1" for the second one) */
  String baseName();

  /**
   * @return the input shape declared on this layer (only the first layer of a model needs one),
   *     or an empty list when the shape is inferred from the previous layer
   */
  List<Integer> inputShape();

  /**
   * @param input the shape this layer receives, without the batch dimension
   * @return the shape it produces
   * @throws IllegalArgumentException when this layer cannot take that shape, naming both
   */
  int[] outputShape(int[] input);

  /**
   * @param input the shape this layer receives
   * @return the number of trainable parameters (weights and biases); 0 for layers without any
   */
  long countParams(int[] input);
}
