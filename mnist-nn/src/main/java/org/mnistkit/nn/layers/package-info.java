/**
 * The layers of a {@link org.mnistkit.nn.Sequential} model, as Keras's {@code layer_*} functions
 * and DJL's {@code ai.djl.nn} describe them: immutable specs ({@link
 * org.mnistkit.nn.layers.Dense}, {@link org.mnistkit.nn.layers.Dropout}, {@link
 * org.mnistkit.nn.layers.Conv2D}, {@link org.mnistkit.nn.layers.MaxPooling2D}, {@link
 * org.mnistkit.nn.layers.Flatten}) built with the static factories of {@link
 * org.mnistkit.nn.layers.Layers}, with their {@link org.mnistkit.nn.layers.Activation}s, weight
 * {@link org.mnistkit.nn.layers.Initializer}s and window {@link org.mnistkit.nn.layers.Padding}.
 * Shapes exclude the batch dimension and are channels-last, as in Keras ({@link
 * org.mnistkit.nn.layers.Shapes}).
 *
 * <p>No ND4J or Deeplearning4j type appears here; mnist-nn translates each spec into
 * Deeplearning4j's layer, its model-file text and its ONNX nodes in one package-private class per
 * layer kind.
 */
package org.mnistkit.nn.layers;
