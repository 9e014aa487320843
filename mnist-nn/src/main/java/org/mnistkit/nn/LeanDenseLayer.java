package org.mnistkit.nn;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Deeplearning4j's dense layer with a backward pass that does only the work training needs.
 * Deeplearning4j's own backward pass (BaseLayer.backpropGradient in 1.0.0-M2.1) recomputes the
 * pre-activation z = x W + b with a second forward matrix product, and always computes the
 * gradient with respect to the input, which MultiLayerNetwork discards for the first layer. For
 * the 784-512-10 network those are two of the first layer's four 128 x 784 x 512 products per step.
 * This layer instead:
 *
 * <ul>
 *   <li>keeps the activation of the training forward pass (it stays in Deeplearning4j's
 *       all-layers activation workspace until the backward pass) and derives the activation's
 *       derivative from it: relu'(z) = [a &gt; 0] and linear'(z) = 1; other activations, masks and
 *       weight noise fall back to Deeplearning4j's code;
 *   <li>skips the input gradient when it is the first layer (flag set by {@link NetworkFactory}).
 * </ul>
 *
 * The gradients equal Deeplearning4j's up to float rounding (tested in LeanDenseLayerTest).
 */
final class LeanDenseLayer extends org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer {

  private final boolean skipInputGradient;
  private INDArray keptOutput;
  private INDArray keptInput;

  LeanDenseLayer(NeuralNetConfiguration conf, DataType dataType, boolean skipInputGradient) {
    super(conf, dataType);
    this.skipInputGradient = skipInputGradient;
  }

  @Override
  public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
    INDArray out = super.activate(training, workspaceMgr);
    boolean keep = training && maskArray == null && layerConf().getWeightNoise() == null
        && !hasLayerNorm() && derivableFromOutput(layerConf().getActivationFn());
    keptOutput = keep ? out : null;
    keptInput = keep ? input : null;
    return out;
  }

  /** @return whether f'(z) follows from a = f(z): identity, or plain relu (no cap, threshold or slope) */
  static boolean derivableFromOutput(IActivation fn) {
    return fn instanceof ActivationIdentity
        || fn instanceof ActivationReLU relu && relu.getMax() == null && relu.getThreshold() == null
            && relu.getNegativeSlope() == null;
  }

  @Override
  public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
    if (keptOutput == null || keptInput != input || maskArray != null) {
      forget();
      return super.backpropGradient(epsilon, workspaceMgr);
    }
    INDArray out = keptOutput;
    forget();
    // delta = epsilon * f'(z), written into epsilon: nothing reads epsilon after this layer.
    INDArray delta = epsilon;
    if (layerConf().getActivationFn() instanceof ActivationReLU) {
      INDArray mask = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, out.dataType(), out.shape(), 'c');
      Nd4j.getExecutioner().exec(new Step(out, mask, 0.0));
      delta.muli(mask);
    }
    Gradient ret = new DefaultGradient();
    if (hasBias()) {
      INDArray biasGrad = gradientViews.get(DefaultParamInitializer.BIAS_KEY);
      delta.sum(biasGrad, 0);
      ret.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, biasGrad);
    }
    INDArray weightGrad = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
    Nd4j.gemm(input.castTo(weightGrad.dataType()), delta, weightGrad, true, false, 1.0, 0.0);
    ret.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, weightGrad);
    if (skipInputGradient) {
      return new Pair<>(ret, null);
    }
    INDArray w = getParam(DefaultParamInitializer.WEIGHT_KEY);
    INDArray next = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, delta.dataType(),
        new long[] {w.size(0), delta.size(0)}, 'f');
    next = w.mmuli(delta.transpose(), next).transpose();
    return new Pair<>(ret, backpropDropOutIfPresent(next));
  }

  private void forget() {
    keptOutput = null;
    keptInput = null;
  }

  @Override
  public void clear() {
    super.clear();
    forget();
  }
}
