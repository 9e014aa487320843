package org.mnistkit.nn;

import java.util.Collection;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Deeplearning4j configuration of a hidden dense layer whose implementation is
 * {@link LeanDenseLayer}: identical to Deeplearning4j's {@link DenseLayer} (same parameters, same
 * serialized form plus one flag) but with a cheaper backward pass. Internal to mnist-nn; it is not
 * package-private only because Deeplearning4j's JSON reader instantiates it by name.
 */
final class LeanDenseConf extends DenseLayer {

  /** True when nothing consumes the gradient with respect to the input (first layer). */
  private boolean skipInputGradient;

  /** For the JSON reader. */
  LeanDenseConf() {}

  /**
   * Copies every setting of a dense layer built by Deeplearning4j's builder.
   *
   * @param d the layer to copy (not modified)
   * @param skipInputGradient true for the first layer of a network fed directly with features
   */
  static LeanDenseConf of(DenseLayer d, boolean skipInputGradient) {
    LeanDenseConf c = new LeanDenseConf();
    c.setLayerName(d.getLayerName());
    c.setIDropout(d.getIDropout());
    c.setConstraints(d.getConstraints());
    c.setActivationFn(d.getActivationFn());
    c.setWeightInitFn(d.getWeightInitFn());
    c.setBiasInit(d.getBiasInit());
    c.setGainInit(d.getGainInit());
    c.setRegularization(d.getRegularization());
    c.setRegularizationBias(d.getRegularizationBias());
    c.setIUpdater(d.getIUpdater());
    c.setBiasUpdater(d.getBiasUpdater());
    c.setWeightNoise(d.getWeightNoise());
    c.setGradientNormalization(d.getGradientNormalization());
    c.setGradientNormalizationThreshold(d.getGradientNormalizationThreshold());
    c.setNIn(d.getNIn());
    c.setNOut(d.getNOut());
    c.setTimeDistributedFormat(d.getTimeDistributedFormat());
    c.setHasBias(d.isHasBias());
    c.setHasLayerNorm(d.isHasLayerNorm());
    c.skipInputGradient = skipInputGradient;
    return c;
  }

  boolean isSkipInputGradient() {
    return skipInputGradient;
  }

  @Override
  public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
      Collection<TrainingListener> listeners, int layerIndex, INDArray paramsView, boolean initializeParams,
      DataType networkDataType) {
    return LayerWiring.wire(new LeanDenseLayer(conf, networkDataType, skipInputGradient), this, conf, listeners, layerIndex, paramsView,
        initializeParams);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LeanDenseConf other && super.equals(o) && skipInputGradient == other.skipInputGradient;
  }

  @Override
  public int hashCode() {
    return 31 * super.hashCode() + Boolean.hashCode(skipInputGradient);
  }
}
