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
 * serialized form but for the class name) with a faster inference pass. Internal to mnist-nn and
 * package-private: Deeplearning4j's JSON reader instantiates it by name through Jackson, which
 * reaches package-private constructors.
 */
final class LeanConvConf extends ConvolutionLayer {

  /** For the JSON reader. */
  LeanConvConf() {}

  /** @param builder a configured builder of Deeplearning4j's convolution layer */
  LeanConvConf(ConvolutionLayer.Builder builder) {
    super(builder);
  }

  @Override
  public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
      Collection<TrainingListener> listeners, int layerIndex, INDArray paramsView, boolean initializeParams,
      DataType networkDataType) {
    return LayerWiring.wire(new LeanConvLayer(conf, networkDataType), this, conf, listeners, layerIndex, paramsView,
        initializeParams);
  }
}
