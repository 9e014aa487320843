package org.mnistkit.nn;

import java.util.Collection;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What every layer configuration of ours does in Deeplearning4j's {@code instantiate}, as
 * Deeplearning4j's own configurations do it: the new layer gets its listeners, index, parameter
 * view and parameter table (initialised by the configuration's initializer when asked).
 */
final class LayerWiring {

  private LayerWiring() {}

  /**
   * @param layer the new layer
   * @param confLayer its configuration, whose initializer lays out the parameters
   * @param conf the network's configuration of this layer
   * @param listeners the training listeners
   * @param layerIndex the layer's index in the network
   * @param paramsView the layer's slice of the network's parameters
   * @param initializeParams whether to draw the initial parameters into that slice
   * @return the layer, wired
   */
  static <L extends BaseLayer<?>> L wire(L layer, org.deeplearning4j.nn.conf.layers.Layer confLayer,
      NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex, INDArray paramsView,
      boolean initializeParams) {
    layer.setListeners(listeners);
    layer.setIndex(layerIndex);
    layer.setParamsViewArray(paramsView);
    layer.setParamTable(confLayer.initializer().init(conf, paramsView, initializeParams));
    layer.setConf(conf);
    return layer;
  }
}
