package org.mnistkit.nn;

import java.util.Map;
import org.mnistkit.nn.layers.Layer;

/**
 * Everything mnist-nn does with one kind of layer besides its shape arithmetic (which the public
 * spec in {@code org.mnistkit.nn.layers} does): its settings as "key=value" text in model files,
 * its Deeplearning4j configuration and its ONNX nodes. One implementation per layer kind, listed
 * once in {@link LayerTypes}; nothing else in mnist-nn switches on the layer kind. Internal to
 * mnist-nn.
 *
 * @param <L> the layer spec this type handles
 */
interface LayerType<L extends Layer> {

  /** @return the spec's {@link Layer#baseName()}, which names the type in model files */
  String name();

  /** @return the spec class this type handles */
  Class<L> layerClass();

  /**
   * @param layer the layer
   * @param config receives the layer's settings under Keras's argument names, such as
   *     {@code units=512}; the input shape is written by the caller
   */
  void writeConfig(L layer, Map<String, String> config);

  /**
   * @param config the settings written by {@link #writeConfig}
   * @return the layer, without a declared input shape
   * @throws IllegalArgumentException when a setting is missing or out of range, naming it
   */
  L readConfig(LayerConfig config);

  /**
   * @return true when Deeplearning4j must see the model's input as channels-first images
   *     (convolution, pooling)
   */
  default boolean needsImages() {
    return false;
  }

  /**
   * @return false when {@link #toDl4j} gives null: the layer has no index among the Deeplearning4j
   *     network's layers
   */
  default boolean becomesDl4jLayer() {
    return true;
  }

  /**
   * @param layer the layer
   * @param at where it stands in the model: its input shape, whether it is the output layer
   * @return Deeplearning4j's layer configuration, or null when the layer is a reshaping that
   *     Deeplearning4j does with a preprocessor it inserts itself (flatten)
   */
  org.deeplearning4j.nn.conf.layers.Layer toDl4j(L layer, Dl4jSite at);

  /**
   * Appends the layer's inference computation to an ONNX graph.
   *
   * @param layer the layer
   * @param step the graph so far, the layer's input tensor and shape, and its trained
   *     parameters
   */
  void toOnnx(L layer, OnnxStep step);
}
