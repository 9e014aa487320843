package org.mnistkit.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistkit.nn.layers.Activation.LINEAR;
import static org.mnistkit.nn.layers.Activation.RELU;
import static org.mnistkit.nn.layers.Activation.SOFTMAX;
import static org.mnistkit.nn.layers.Activation.TANH;
import static org.mnistkit.nn.layers.Layers.conv2d;
import static org.mnistkit.nn.layers.Layers.dense;
import static org.mnistkit.nn.layers.Layers.flatten;
import static org.mnistkit.nn.layers.Layers.maxPooling2d;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.mnistkit.core.concurrent.Workers;
import org.mnistkit.nn.layers.Padding;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * LeanConvLayer's training pass (im2col + sgemm forward, own backward) against Deeplearning4j's
 * ConvolutionLayer on the same network, parameters and batch: activations and gradients agree to
 * float rounding (relative 1e-5 of each array's largest magnitude).
 */
class LeanConvTrainingTest {

  private static final double TOLERANCE = 1e-5;

  /** 9x9x2: same stride 2 with bias, relu, first (5x5x4); valid stride 1 without bias (3x3x3); pool. */
  private static Sequential sameFirstThenValid() {
    return Sequential.of(conv2d(4, 3, RELU).padding(Padding.SAME).strides(2, 2).inputShape(9, 9, 2),
            conv2d(3, 3, RELU).useBias(false), maxPooling2d(2), flatten(), dense(3, SOFTMAX))
        .compile(Optimizer.sgd(), Loss.CATEGORICAL_CROSSENTROPY);
  }

  /**
   * 10x10x1: valid stride 2 without bias, linear, first (4x4x3); same stride 1 with bias (4x4x4);
   * same stride 2 with bias (2x2x2).
   */
  private static Sequential validFirstThenSame() {
    return Sequential.of(conv2d(3, 3, LINEAR).useBias(false).strides(2, 2).inputShape(10, 10, 1),
            conv2d(4, 2, RELU).padding(Padding.SAME), conv2d(2, 3, RELU).padding(Padding.SAME).strides(2, 2),
            flatten(), dense(3, SOFTMAX))
        .compile(Optimizer.sgd(), Loss.CATEGORICAL_CROSSENTROPY);
  }

  @Test
  void sameThenValidMatchesDeeplearning4j() {
    compare(sameFirstThenValid(), TinyData.of(12, 162, 3, 21), 2, true);
  }

  @Test
  void validThenSameMatchesDeeplearning4j() {
    compare(validFirstThenSame(), TinyData.of(12, 100, 3, 22), 3, true);
  }

  @Test
  void otherActivationsFallBackToDeeplearning4j() {
    Sequential tanh = Sequential.of(conv2d(3, 3, TANH).inputShape(6, 6, 1), conv2d(2, 3, TANH), flatten(),
            dense(3, SOFTMAX))
        .compile(Optimizer.sgd(), Loss.CATEGORICAL_CROSSENTROPY);
    compare(tanh, TinyData.of(6, 36, 3, 24), 2, false);
  }

  @Test
  void sgdStepsFollowDeeplearning4jsSteps() {
    Nd4jRuntime.configure();
    MultiLayerNetwork lean = validFirstThenSame().network();
    MultiLayerNetwork dl4j = twin(lean);
    TinyData d = TinyData.of(10, 100, 3, 23);
    INDArray x = Nd4j.createFromArray(d.x.data()).reshape(10, 100);
    INDArray y = Nd4j.createFromArray(d.y.data()).reshape(10, 3);
    float[] before = lean.params().toFloatVector();
    for (int step = 0; step < 4; step++) {
      lean.fit(x, y);
      dl4j.fit(x, y);
    }
    assertClose(dl4j.params(), lean.params(), "parameters after 4 steps");
    assertTrue(((LeanConvLayer) lean.getLayer(1)).lastBackwardOwn, "our own backward pass ran");
    assertFalse(java.util.Arrays.equals(before, lean.params().toFloatVector()), "the steps moved the weights");
  }

  @Test
  void twoThreadsGiveTheSameWeightsAsOne() {
    Nd4jRuntime.configure();
    MultiLayerNetwork one = sameFirstThenValid().network();
    MultiLayerNetwork two = new MultiLayerNetwork(one.getLayerWiseConfigurations().clone());
    two.init(one.params().dup(), true);
    TinyData d = TinyData.of(9, 162, 3, 25); // 9 images: pieces of 5 and 4
    INDArray x = Nd4j.createFromArray(d.x.data()).reshape(9, 162);
    INDArray y = Nd4j.createFromArray(d.y.data()).reshape(9, 3);
    try (Workers workers = new Workers(2)) {
      LeanConvLayer.useWorkers(two, workers);
      for (int step = 0; step < 3; step++) {
        one.fit(x, y);
        two.fit(x, y);
        assertArrayEquals(one.params().toFloatVector(), two.params().toFloatVector(), "step " + step);
      }
    } finally {
      LeanConvLayer.useWorkers(two, null);
    }
    assertTrue(((LeanConvLayer) two.getLayer(1)).lastBackwardOwn, "our own backward pass ran");
  }

  /** @param own whether the conv layers are expected to run their own passes (else the fallback) */
  private static void compare(Sequential model, TinyData d, int convLayers, boolean own) {
    Nd4jRuntime.configure();
    MultiLayerNetwork lean = model.network();
    // non-zero biases, so that the bias path counts
    Nd4jRuntime.seed(5);
    lean.params().addi(Nd4j.rand(lean.params().shape()).subi(0.5).muli(0.2));
    MultiLayerNetwork dl4j = twin(lean);
    int n = d.labels.length;
    INDArray x = Nd4j.createFromArray(d.x.data()).reshape(n, d.x.data().length / n);
    INDArray y = Nd4j.createFromArray(d.y.data()).reshape(n, 3);

    List<INDArray> leanActs = lean.feedForward(x, true);
    List<INDArray> dl4jActs = dl4j.feedForward(x, true);
    assertEquals(dl4jActs.size(), leanActs.size());
    for (int i = 1; i < leanActs.size(); i++) {
      assertClose(dl4jActs.get(i), leanActs.get(i), "activation of layer " + (i - 1));
    }

    Map<String, INDArray> leanGrad = gradients(lean, x, y);
    Map<String, INDArray> dl4jGrad = gradients(dl4j, x, y);
    assertEquals(dl4jGrad.keySet(), leanGrad.keySet());
    for (String key : dl4jGrad.keySet()) {
      assertClose(dl4jGrad.get(key), leanGrad.get(key), "gradient " + key);
    }
    for (int l = 0; l < convLayers; l++) {
      LeanConvLayer layer = assertInstanceOf(LeanConvLayer.class, lean.getLayer(l));
      assertEquals(own, layer.lastBackwardOwn, "layer " + l + " ran its own backward pass");
      assertInstanceOf(ConvolutionLayer.class, dl4j.getLayer(l).conf().getLayer());
      assertFalse(dl4j.getLayer(l).conf().getLayer() instanceof LeanConvConf, "the twin is Deeplearning4j's");
    }
    assertTrue(leanGrad.get("1_W").amaxNumber().doubleValue() > 0, "non-zero gradient of the second layer");
    assertTrue(leanGrad.get("0_W").amaxNumber().doubleValue() > 0,
        "non-zero gradient of the first layer (through the second layer's input gradient)");
  }

  private static Map<String, INDArray> gradients(MultiLayerNetwork net, INDArray x, INDArray y) {
    net.setInput(x);
    net.setLabels(y);
    net.computeGradientAndScore();
    Map<String, INDArray> g = new java.util.TreeMap<>();
    net.gradient().gradientForVariable().forEach((k, v) -> g.put(k, v.dup()));
    return g;
  }

  /** @return the same network with Deeplearning4j's ConvolutionLayer in place of ours, same parameters */
  private static MultiLayerNetwork twin(MultiLayerNetwork lean) {
    String json = lean.getLayerWiseConfigurations().toJson()
        .replace(LeanConvConf.class.getName(), ConvolutionLayer.class.getName());
    MultiLayerNetwork net = new MultiLayerNetwork(MultiLayerConfiguration.fromJson(json));
    net.init(lean.params().dup(), true);
    return net;
  }

  private static void assertClose(INDArray expected, INDArray actual, String what) {
    float[] e = Nd4j.toFlattened('c', expected).toFloatVector();
    float[] a = Nd4j.toFlattened('c', actual).toFloatVector();
    assertEquals(e.length, a.length, what);
    double scale = 0;
    double max = 0;
    for (int i = 0; i < e.length; i++) {
      scale = Math.max(scale, Math.abs(e[i]));
      max = Math.max(max, Math.abs(e[i] - a[i]));
    }
    assertTrue(scale > 0, what + " is not all zeros");
    assertTrue(max <= TOLERANCE * scale, what + ": max difference " + max + " against largest magnitude " + scale);
  }
}
