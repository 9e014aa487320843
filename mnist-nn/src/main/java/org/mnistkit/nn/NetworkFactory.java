package org.mnistkit.nn;

import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.distribution.UniformDistribution;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.weights.WeightInitDistribution;
import org.mnistkit.nn.layers.Activation;
import org.mnistkit.nn.layers.Initializer;
import org.mnistkit.nn.layers.Layer;
import org.mnistkit.nn.layers.Padding;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;
import org.nd4j.linalg.lossfunctions.impl.LossSparseMCXENT;

/**
 * Translates mnist-nn's specs into a Deeplearning4j {@link MultiLayerConfiguration}, replacing
 * Deeplearning4j's defaults with Keras's where they differ (linear activation, glorot_uniform
 * kernels, zero biases, RMSprop lr 0.001). The last dense layer becomes an OutputLayer carrying
 * the loss. Each layer's own translation is its {@link LayerType}'s; this class sets what is
 * common to the network and maps the Keras vocabulary (activations, initializers, optimizers,
 * losses) onto Deeplearning4j's.
 *
 * <p>A convolutional network gets Deeplearning4j's {@link CacheMode#DEVICE}: its ConvolutionLayer
 * (1.0.0-M2.1, im2col + GEMM in Java over libnd4j; the oneDNN helper is off by default and
 * absent from the native binary) then keeps the training forward pass's pre-activation and
 * im2col matrix for the backward pass instead of computing both again. Same arithmetic, same
 * weights (tested in ConvCacheTest); about a third less CPU per training step of the MNIST convnet
 * (docs/convnet-profile.md). On the CPU backend "device" memory is host memory. Since
 * {@link LeanConvLayer} trains convolutions with its own pass, which keeps its own arrays, the
 * cache serves only the cases where that layer falls back to Deeplearning4j's code.
 */
final class NetworkFactory {

  private NetworkFactory() {}

  /**
   * @param arch the resolved layers
   * @param optimizer the optimizer for every parameter
   * @param loss the loss of the output layer
   * @param seed the seed of the weight initialization
   */
  static MultiLayerConfiguration configuration(Architecture arch, Optimizer optimizer, Loss loss, long seed) {
    NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
        .seed(seed)
        .dataType(DataType.FLOAT)
        .updater(updater(optimizer))
        .trainingWorkspaceMode(WorkspaceMode.ENABLED)
        .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
        .cacheMode(arch.isConvolutional() ? CacheMode.DEVICE : CacheMode.NONE)
        .list();
    int last = arch.layers().size() - 1;
    boolean firstDl4jLayer = true;
    for (int i = 0; i <= last; i++) {
      Dl4jSite site = new Dl4jSite(arch.inputShapes().get(i), i == last, loss,
          firstDl4jLayer && !arch.isConvolutional(), firstDl4jLayer);
      org.deeplearning4j.nn.conf.layers.Layer layer = build(arch.layers().get(i), site);
      if (layer != null) {
        list.layer(layer);
        firstDl4jLayer = false;
      }
    }
    int[] s = arch.inputShape();
    list.setInputType(arch.isConvolutional()
        ? InputType.convolutionalFlat(s[0], s[1], s[2])
        : InputType.feedForward(arch.inputWidth()));
    return list.build();
  }

  private static <L extends Layer> org.deeplearning4j.nn.conf.layers.Layer build(L layer, Dl4jSite site) {
    return LayerTypes.of(layer).toDl4j(layer, site);
  }

  /** @return Deeplearning4j's mode for a padding: Same, or Truncate for "valid" */
  static ConvolutionMode mode(Padding padding) {
    return padding == Padding.SAME ? ConvolutionMode.Same : ConvolutionMode.Truncate;
  }

  /** @return Deeplearning4j's activation with the same definition */
  static org.nd4j.linalg.activations.Activation activation(Activation a) {
    switch (a) {
      case LINEAR: return org.nd4j.linalg.activations.Activation.IDENTITY;
      case RELU: return org.nd4j.linalg.activations.Activation.RELU;
      case SIGMOID: return org.nd4j.linalg.activations.Activation.SIGMOID;
      case TANH: return org.nd4j.linalg.activations.Activation.TANH;
      case SOFTMAX: return org.nd4j.linalg.activations.Activation.SOFTMAX;
      case ELU: return org.nd4j.linalg.activations.Activation.ELU;
      case SELU: return org.nd4j.linalg.activations.Activation.SELU;
      case SOFTPLUS: return org.nd4j.linalg.activations.Activation.SOFTPLUS;
      case SOFTSIGN: return org.nd4j.linalg.activations.Activation.SOFTSIGN;
      default: throw new AssertionError(a);
    }
  }

  /**
   * @param fanIn inputs per unit, needed for lecun_uniform
   * @return the initializer with Keras's distribution (see {@link Initializer} for the normal ones)
   */
  static IWeightInit weightInit(Initializer init, int fanIn) {
    switch (init) {
      case GLOROT_UNIFORM: return WeightInit.XAVIER_UNIFORM.getWeightInitFunction();
      case GLOROT_NORMAL: return WeightInit.XAVIER.getWeightInitFunction();
      case HE_UNIFORM: return WeightInit.RELU_UNIFORM.getWeightInitFunction();
      case HE_NORMAL: return WeightInit.RELU.getWeightInitFunction();
      case LECUN_UNIFORM: {
        double limit = Math.sqrt(3.0 / fanIn);
        return new WeightInitDistribution(new UniformDistribution(-limit, limit));
      }
      case LECUN_NORMAL: return WeightInit.LECUN_NORMAL.getWeightInitFunction();
      case ZEROS: return WeightInit.ZERO.getWeightInitFunction();
      case ONES: return WeightInit.ONES.getWeightInitFunction();
      default: throw new AssertionError(init);
    }
  }

  /** @return Deeplearning4j's updater implementing the same rule */
  static IUpdater updater(Optimizer optimizer) {
    if (optimizer instanceof Optimizer.RmsProp r) {
      return new JavaRmsProp(r.learningRate(), r.rho(), r.epsilon());
    }
    if (optimizer instanceof Optimizer.Adam a) {
      return new org.nd4j.linalg.learning.config.Adam(a.learningRate(), a.beta1(), a.beta2(), a.epsilon());
    }
    Optimizer.Sgd s = (Optimizer.Sgd) optimizer;
    return s.momentum() == 0
        ? new org.nd4j.linalg.learning.config.Sgd(s.learningRate())
        : new MomentumSgd(s.learningRate(), s.momentum(), s.nesterov());
  }

  /** @return Deeplearning4j's loss with the same definition */
  static ILossFunction lossFunction(Loss loss) {
    switch (loss) {
      case CATEGORICAL_CROSSENTROPY: return new LossMCXENT();
      case SPARSE_CATEGORICAL_CROSSENTROPY: return new LossSparseMCXENT();
      case BINARY_CROSSENTROPY: return new LossBinaryXENT();
      case MEAN_SQUARED_ERROR: return new LossMSE();
      default: throw new AssertionError(loss);
    }
  }
}
