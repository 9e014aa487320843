package org.mnistkit.nn;

/**
 * Where a layer stands when its Deeplearning4j configuration is built.
 *
 * @param input the shape the layer receives, without the batch dimension
 * @param output true for the last layer, which carries the loss
 * @param loss the compiled loss
 * @param firstOnFeatures true for the first Deeplearning4j layer of a flat-input model: nothing
 *     needs the gradient with respect to its input
 * @param first true for the first Deeplearning4j layer of any model: nothing needs the gradient
 *     with respect to its input (a convolutional model's input reshaping still asks for an array)
 */
record Dl4jSite(int[] input, boolean output, Loss loss, boolean firstOnFeatures, boolean first) {}
