package org.mnistkit.nn;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.mnistkit.nn.layers.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXInitializer;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXRef;

/**
 * One layer's turn in an ONNX export (see {@link OnnxExport}): the graph, the layer's input
 * tensor and shape, and its trained parameters. Image tensors are NCHW, as in Deeplearning4j;
 * the Keras-style shapes given here are (height, width, channels).
 */
final class OnnxStep {

  private final ONNXContext graph;
  private final String name;
  private final int[] inputShape;
  private final org.deeplearning4j.nn.api.Layer params;
  private final boolean images;
  private ONNXRef<?> tensor;

  /**
   * @param name the layer's Keras name, such as "dense_1", prefixed to its initializers' names
   * @param params the Deeplearning4j layer holding the parameters, or null for a layer without one
   * @param images true when the model feeds Deeplearning4j channels-first images, so that
   *     image-shaped inputs are NCHW tensors
   */
  OnnxStep(ONNXContext graph, String name, ONNXRef<?> input, int[] inputShape,
      org.deeplearning4j.nn.api.Layer params, boolean images) {
    this.images = images;
    this.graph = graph;
    this.name = name;
    this.tensor = input;
    this.inputShape = inputShape;
    this.params = params;
  }

  /** @return the graph being built */
  ONNXContext graph() {
    return graph;
  }

  /** @return the current tensor: the layer's input until {@link #output} replaces it */
  ONNXRef<?> tensor() {
    return tensor;
  }

  /** @return the layer's input shape, without the batch dimension, Keras's order */
  int[] inputShape() {
    return inputShape.clone();
  }

  /** @return true when the input tensor is an NCHW image tensor, false when it is flat rows */
  boolean imageTensor() {
    return images && inputShape.length == 3;
  }

  /**
   * Deeplearning4j's padding of one axis (ConvolutionMode.Same pads like TensorFlow's "SAME":
   * the odd pixel goes to the end; Truncate does not pad).
   *
   * @return {begin, end}
   */
  static int[] pads(org.mnistkit.nn.layers.Padding padding, int in, int size, int stride) {
    if (padding == org.mnistkit.nn.layers.Padding.VALID) {
      return new int[] {0, 0};
    }
    int out = (in + stride - 1) / stride;
    int total = Math.max(0, (out - 1) * stride + size - in);
    return new int[] {total / 2, total - total / 2};
  }

  /**
   * @return ONNX's pads attribute for a 2-D window: {top, left, bottom, right}
   */
  int[] pads2d(org.mnistkit.nn.layers.Padding padding, List<Integer> size, List<Integer> strides) {
    int[] h = pads(padding, inputShape[0], size.get(0), strides.get(0));
    int[] w = pads(padding, inputShape[1], size.get(1), strides.get(1));
    return new int[] {h[0], w[0], h[1], w[1]};
  }

  /** @param result the layer's output tensor */
  void output(ONNXRef<?> result) {
    this.tensor = result;
  }

  /**
   * @param key Deeplearning4j's parameter key: "W" (weights) or "b" (bias)
   * @param dims the initializer's shape; its values are the parameter's, read in C order
   * @return the parameter as an initializer named after the layer
   * @throws IllegalStateException when the layer has no such parameter or its size differs
   */
  ONNXInitializer param(String key, int... dims) {
    INDArray p = params == null ? null : params.getParam(key);
    long size = Arrays.stream(dims).asLongStream().reduce(1, (a, b) -> a * b);
    if (p == null || p.length() != size) {
      throw new IllegalStateException(String.format(java.util.Locale.ROOT,
          "%s: parameter %s has %s values, expected %s", name, key, p == null ? "no" : p.length(),
          Arrays.toString(dims)));
    }
    float[] values = NdArrays.toFloats(p);
    List<Integer> shape = Arrays.stream(dims).boxed().toList();
    return graph.floatTensor(name + "_" + key, shape, b -> b.put(values));
  }

  /**
   * @param op the operator
   * @param inputs its inputs after the current tensor
   * @param attributes its attributes
   * @return the node, which becomes the current tensor
   */
  ONNXRef<?> apply(org.tribuo.util.onnx.ONNXOperator op, List<ONNXRef<?>> inputs, Map<String, Object> attributes) {
    List<ONNXRef<?>> all = new java.util.ArrayList<>();
    all.add(tensor);
    all.addAll(inputs);
    tensor = graph.operation(op, all, name + "_" + op.getOpName().toLowerCase(java.util.Locale.ROOT), attributes);
    return tensor;
  }

  /** Applies an activation to the current tensor; linear adds no node. */
  void activation(Activation a) {
    switch (a) {
      case LINEAR -> { }
      case RELU -> apply(OnnxOps.RELU, List.of(), Map.of());
      case SIGMOID -> apply(ONNXOperators.SIGMOID, List.of(), Map.of());
      case TANH -> apply(OnnxOps.TANH, List.of(), Map.of());
      case SOFTMAX -> softmax();
      case ELU -> apply(OnnxOps.ELU, List.of(), Map.of("alpha", 1.0f));
      case SELU -> apply(OnnxOps.SELU, List.of(), Map.of());
      case SOFTPLUS -> apply(OnnxOps.SOFTPLUS, List.of(), Map.of());
      case SOFTSIGN -> apply(OnnxOps.SOFTSIGN, List.of(), Map.of());
      default -> throw new AssertionError(a);
    }
  }

  private void softmax() {
    if (inputShape.length != 1) {
      throw new IllegalArgumentException(name + ": softmax on an image tensor is not exported; use it on a "
          + "dense layer");
    }
    apply(ONNXOperators.SOFTMAX, List.of(), Map.of("axis", 1));
  }
}
