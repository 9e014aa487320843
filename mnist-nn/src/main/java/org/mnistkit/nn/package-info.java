/**
 * A Keras-like Sequential API over Deeplearning4j 1.0.0-M2.1 that reproduces the R walkthrough's
 * network with Keras's defaults and semantics.
 *
 * <p>Entry point: {@link org.mnistkit.nn.Sequential}, a {@link
 * org.mnistkit.core.model.Classifier} once compiled. Layers come from the static factories in
 * {@link org.mnistkit.nn.layers.Layers} ({@code dense}, {@code dropout}, {@code conv2d},
 * {@code maxPooling2d}, {@code flatten}; package {@code org.mnistkit.nn.layers}); training is
 * configured with {@link org.mnistkit.nn.Optimizer}, {@link org.mnistkit.nn.Loss}, {@link
 * org.mnistkit.nn.Metric} and {@link org.mnistkit.nn.FitOptions}; {@link org.mnistkit.nn.History}
 * records each fit; {@link org.mnistkit.nn.callbacks.Callbacks} builds early stopping and
 * checkpoints (package {@code org.mnistkit.nn.callbacks}). Models are saved in mnistkit's model
 * file framing ({@link org.mnistkit.nn.NetworkLoader} registers them with {@link
 * org.mnistkit.core.model.Models#load}) and exported to ONNX with {@link
 * org.mnistkit.nn.Sequential#exportOnnx}.
 *
 * <p>The public API takes and returns core's {@link org.mnistkit.core.tensor.FloatMatrix} and Java
 * arrays only; no ND4J or Deeplearning4j type appears in it. Everything else in this package is
 * package-private Deeplearning4j glue: one {@code LayerType} per layer kind (its Deeplearning4j
 * configuration, model-file text and ONNX nodes, registered in {@code LayerTypes}), the training
 * loop, the batched inference, the file layout, the ONNX export, and the one adapter that copies
 * between Java arrays and INDArray (NdArrays). ND4J's process-wide settings (one native thread, no
 * periodic GC) are changed in one package-private class (Nd4jRuntime), whose Javadoc gives the
 * measurements behind them.
 *
 * <p>Where Keras and Deeplearning4j differ, mnist-nn follows Keras: linear default activation,
 * glorot_uniform kernels and zero biases, RMSprop with lr 0.001, rho 0.9 and epsilon 1e-7 (not
 * Deeplearning4j's lr 0.1), batch size 32, reshuffling before each epoch, validation split taken
 * from the last rows before shuffling, dropout rate as the probability of dropping, and SGD
 * momentum as Keras defines it.
 */
package org.mnistkit.nn;
