package org.mnistkit.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.mnistkit.core.testing.TestAssertions.assertClose;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/** The lean backward pass gives Deeplearning4j's gradients. */
class LeanDenseLayerTest {

  @BeforeAll
  static void nd4j() {
    Nd4jRuntime.configure();
  }

  private static MultiLayerConfiguration network(Activation first, Activation second,
      UnaryOperator<DenseLayer> wrapFirst, UnaryOperator<DenseLayer> wrapSecond) {
    return new NeuralNetConfiguration.Builder().seed(7).dataType(DataType.FLOAT).updater(new Sgd(0.1))
        .weightInit(WeightInit.XAVIER_UNIFORM)
        .list()
        .layer(wrapFirst.apply(new DenseLayer.Builder().nOut(6).activation(first).biasInit(0.1).build()))
        .layer(wrapSecond.apply(new DenseLayer.Builder().nOut(5).activation(second).biasInit(-0.05).build()))
        .layer(new OutputLayer.Builder(new LossMCXENT()).nOut(3).activation(Activation.SOFTMAX).build())
        .setInputType(InputType.feedForward(4))
        .build();
  }

  private static float[][] gradientAndScore(MultiLayerConfiguration conf) {
    MultiLayerNetwork net = new MultiLayerNetwork(conf);
    net.init();
    TinyData d = TinyData.of(9, 4, 3, 5);
    INDArray x = NdArrays.matrix(9, 4);
    INDArray y = NdArrays.matrix(9, 3);
    NdArrays.putRange(x, d.x, 0, 9, null);
    NdArrays.putRange(y, d.y, 0, 9, null);
    net.setInput(x);
    net.setLabels(y);
    net.computeGradientAndScore();
    return new float[][] {NdArrays.toFloats(net.gradient().gradient()), {(float) net.score()},
        NdArrays.toFloats(net.params())};
  }

  private static void assertSameGradients(Activation first, Activation second, boolean skipFirst) {
    float[][] stock = gradientAndScore(network(first, second, UnaryOperator.identity(), UnaryOperator.identity()));
    MultiLayerConfiguration leanConf = network(first, second, d -> LeanDenseConf.of(d, skipFirst),
        d -> LeanDenseConf.of(d, false));
    MultiLayerNetwork check = new MultiLayerNetwork(leanConf);
    check.init();
    assertInstanceOf(LeanDenseLayer.class, check.getLayer(0));
    assertInstanceOf(LeanDenseLayer.class, check.getLayer(1));
    float[][] lean = gradientAndScore(leanConf);
    assertArrayEquals(stock[2], lean[2], "same initial parameters");
    assertClose(toDouble(lean[0]), toDouble(stock[0]), 1e-5, 1e-7);
    assertEquals(stock[1][0], lean[1][0], 1e-6, "score");
  }

  private static double[] toDouble(float[] f) {
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return d;
  }

  @Test
  void reluThenLinearWithFirstLayerSkippingItsInputGradient() {
    assertSameGradients(Activation.RELU, Activation.IDENTITY, true);
  }

  @Test
  void reluThenReluComputingEveryInputGradient() {
    assertSameGradients(Activation.RELU, Activation.RELU, false);
  }

  @Test
  void otherActivationsFallBackToDeeplearning4j() {
    assertSameGradients(Activation.TANH, Activation.SIGMOID, true);
  }

  @Test
  void leanConfCopiesEverySettingOfTheDenseLayer() throws IllegalAccessException {
    DenseLayer d = new DenseLayer.Builder().nIn(3).nOut(4).activation(Activation.RELU).biasInit(0.5)
        .hasBias(false).updater(new Sgd(0.3)).name("h").dropOut(0.9).build();
    LeanDenseConf c = LeanDenseConf.of(d, true);
    int compared = 0;
    for (Class<?> k = DenseLayer.class; k != Object.class; k = k.getSuperclass()) {
      for (Field f : k.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers())) {
          continue;
        }
        f.setAccessible(true);
        assertEquals(f.get(d), f.get(c), f.getName());
        compared++;
      }
    }
    assertEquals(true, compared >= 19, "fields compared: " + compared);
  }
}
