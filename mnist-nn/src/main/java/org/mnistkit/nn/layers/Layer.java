package org.mnistkit.nn.layers;

import java.util.List;

/**
 * An immutable description of one layer of a {@link org.mnistkit.nn.Sequential} model, as
 * Keras's {@code layer_*} functions describe it. Shapes leave out the batch dimension, as Keras
 * does: {@code (784)} for flat inputs, {@code (height, width, channels)} for images (channels
 * last). Build layers with the factories in {@link Layers}.
 *
 * <p>The layers mnist-nn offers are {@link Dense}, {@link Dropout}, {@link Conv2D},
 * {@link MaxPooling2D} and {@link Flatten}. Each is registered by its {@link #baseName()} with
 * mnist-nn's network builder, which turns it into Deeplearning4j's layer, reads and writes its
 * settings in model files and exports it to ONNX; a model made of a layer class that is not
 * registered is rejected by {@code Sequential.of}.
 */
public interface Layer {

  /** @return Keras's class name, such as {@code "Dense"}, used by {@code Sequential.summary()} */
  String typeName();

  /**
   * @return Keras's base layer name, such as {@code "dense"} ("dense_1" for the second one); also
   *     the layer's type name in model files
   */
  String baseName();

  /**
   * @return the input shape declared on this layer (only the first layer of a model needs one),
   *     or an empty list when the shape is inferred from the previous layer
   */
  List<Integer> inputShape();

  /**
   * @param shape the input shape to declare, without the batch dimension
   * @return a copy of this layer declaring that input shape
   * @throws IllegalArgumentException when this layer cannot take a shape of that rank, or a
   *     dimension is below 1
   */
  Layer inputShape(int... shape);

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
