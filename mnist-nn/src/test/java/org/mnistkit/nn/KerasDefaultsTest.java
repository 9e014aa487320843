package org.mnistkit.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistkit.nn.layers.Activation.RELU;
import static org.mnistkit.nn.layers.Activation.SOFTMAX;
import static org.mnistkit.nn.layers.Layers.dense;
import static org.mnistkit.nn.layers.Layers.dropout;

import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.distribution.UniformDistribution;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInitDistribution;
import org.deeplearning4j.nn.weights.WeightInitXavierUniform;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossSparseMCXENT;
import org.mnistkit.nn.layers.Activation;
import org.mnistkit.nn.layers.Initializer;
import org.mnistkit.nn.layers.Layer;
import org.mnistkit.nn.layers.Dense;
import org.mnistkit.nn.layers.Dropout;

/** The Deeplearning4j configuration carries Keras's defaults, not Deeplearning4j's. */
class KerasDefaultsTest {

  private static MultiLayerConfiguration configure(Optimizer optimizer, Loss loss, Layer... layers) {
    return NetworkFactory.configuration(Architecture.of(List.of(layers)), optimizer, loss, 123);
  }

  @Test
  void denseDefaultsAreLinearGlorotUniformZeroBias() {
    Dense d = dense(16);
    assertSame(Activation.LINEAR, d.activation());
    assertTrue(d.useBias());
    assertSame(Initializer.GLOROT_UNIFORM, d.kernelInitializer());
    assertSame(Initializer.ZEROS, d.biasInitializer());

    MultiLayerConfiguration conf = configure(Optimizer.rmsprop(), Loss.CATEGORICAL_CROSSENTROPY,
        dense(16).inputShape(8), dense(4, SOFTMAX));
    LeanDenseConf hidden = (LeanDenseConf) conf.getConf(0).getLayer();
    assertInstanceOf(ActivationIdentity.class, hidden.getActivationFn());
    assertInstanceOf(WeightInitXavierUniform.class, hidden.getWeightInitFn());
    assertEquals(0.0, hidden.getBiasInit());
    assertTrue(hidden.hasBias());
    assertEquals(8, hidden.getNIn());
    assertEquals(16, hidden.getNOut());
    assertTrue(hidden.isSkipInputGradient(), "the first layer needs no input gradient");

    OutputLayer out = (OutputLayer) conf.getConf(1).getLayer();
    assertInstanceOf(ActivationSoftmax.class, out.getActivationFn());
    assertInstanceOf(LossMCXENT.class, out.getLossFn());
    assertInstanceOf(WeightInitXavierUniform.class, out.getWeightInitFn());
    assertEquals(0.0, out.getBiasInit());
  }

  @Test
  void rmspropUsesKerasLearningRateRhoAndEpsilon() {
    Optimizer.RmsProp r = Optimizer.rmsprop();
    assertEquals(new Optimizer.RmsProp(1e-3, 0.9, 1e-7), r);
    JavaRmsProp u = (JavaRmsProp) configure(r, Loss.CATEGORICAL_CROSSENTROPY, dense(4, RELU).inputShape(3),
        dense(2, SOFTMAX)).getConf(0).getLayer().getUpdaterByParam("W");
    assertEquals(1e-3, u.getLearningRate(0, 0), "Deeplearning4j's own default is 0.1");
    assertEquals(0.9, u.rho());
    assertEquals(1e-7, u.epsilon());
    assertEquals(0.1, new RmsProp().getLearningRate(), "the Deeplearning4j default that Keras's replaces");
    assertEquals(r, Optimizer.of("RMSprop"));
  }

  @Test
  void adamAndSgdUseKerasDefaults() {
    Adam a = (Adam) NetworkFactory.updater(Optimizer.adam());
    assertEquals(1e-3, a.getLearningRate());
    assertEquals(0.9, a.getBeta1());
    assertEquals(0.999, a.getBeta2());
    assertEquals(1e-7, a.getEpsilon());
    assertEquals(0.01, Optimizer.sgd().learningRate());
    assertEquals(0.0, Optimizer.sgd().momentum());
    assertFalse(Optimizer.sgd().nesterov());
    assertInstanceOf(org.nd4j.linalg.learning.config.Sgd.class, NetworkFactory.updater(Optimizer.sgd()));
    assertInstanceOf(MomentumSgd.class, NetworkFactory.updater(Optimizer.sgd(0.01, 0.9)));
  }

  @Test
  void dropoutRateIsTheDropProbability() {
    MultiLayerConfiguration conf = configure(Optimizer.rmsprop(), Loss.CATEGORICAL_CROSSENTROPY,
        dense(4, RELU).inputShape(3), dropout(0.25), dense(2, SOFTMAX));
    DropoutLayer d = (DropoutLayer) conf.getConf(1).getLayer();
    // Deeplearning4j's Dropout takes the probability of keeping a value.
    assertEquals(0.75, ((org.deeplearning4j.nn.conf.dropout.Dropout) d.getIDropout()).getP(), 1e-12);
    assertInstanceOf(ActivationReLU.class, ((LeanDenseConf) conf.getConf(0).getLayer()).getActivationFn());
  }

  @Test
  void sparseLossAndLecunUniformLimit() {
    MultiLayerConfiguration conf = configure(Optimizer.rmsprop(), Loss.SPARSE_CATEGORICAL_CROSSENTROPY,
        dense(4, RELU).inputShape(12).kernelInitializer(Initializer.LECUN_UNIFORM), dense(3, SOFTMAX));
    assertInstanceOf(LossSparseMCXENT.class, ((OutputLayer) conf.getConf(1).getLayer()).getLossFn());
    // Keras: U(-sqrt(3 / fan_in), sqrt(3 / fan_in)) = U(-0.5, 0.5) for 12 inputs.
    assertEquals(new WeightInitDistribution(new UniformDistribution(-0.5, 0.5)),
        ((LeanDenseConf) conf.getConf(0).getLayer()).getWeightInitFn());
  }

  @Test
  void fitDefaultsAreKeras() {
    FitOptions o = FitOptions.defaults();
    assertEquals(1, o.epochs());
    assertEquals(32, o.batchSize());
    assertTrue(o.shuffle());
    assertEquals(0.0, o.validationSplit());
    assertEquals(1, o.verbose());
    assertEquals(123, o.seed());
  }
}
