package org.mnistkit.nn;

import java.util.Collection;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Deeplearning4j configuration of a 2D convolution whose implementation is {@link LeanConvLayer}:
 * identical to Deeplearning4j's {@link ConvolutionLayer} (same parameters, same settings, same
 * serialized form but for the class name and one flag) with its own inference and training
 * passes. Internal to mnist-nn and package-private: Deeplearning4j's JSON reader instantiates it
 * by name through Jackson, which reaches package-private constructors.
 */
final class LeanConvConf extends ConvolutionLayer {

  /**
   * True when nothing consumes the gradient with respect to the input (first layer): its backward
   * pass then returns zeros for that gradient, so this network cannot give input gradients (saliency
   * maps) or be placed behind other layers; mnistkit's Sequential does neither (its network is
   * internal), and the flag is part of the saved configuration.
   */
  private boolean skipInputGradient;

  /** For the JSON reader. */
  LeanConvConf() {}

  /**
   * @param builder a configured builder of Deeplearning4j's convolution layer
   * @param skipInputGradient true for the first layer of the network
   */
  LeanConvConf(ConvolutionLayer.Builder builder, boolean skipInputGradient) {
    super(builder);
    this.skipInputGradient = skipInputGradient;
  }

  boolean isSkipInputGradient() {
    return skipInputGradient;
  }

  @Override
  public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
      Collection<TrainingListener> listeners, int layerIndex, INDArray paramsView, boolean initializeParams,
      DataType networkDataType) {
    return LayerWiring.wire(new LeanConvLayer(conf, networkDataType, skipInputGradient), this, conf, listeners,
        layerIndex, paramsView, initializeParams);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LeanConvConf other && super.equals(o) && skipInputGradient == other.skipInputGradient;
  }

  @Override
  public int hashCode() {
    return 31 * super.hashCode() + Boolean.hashCode(skipInputGradient);
  }
}
