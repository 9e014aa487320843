package org.mnistkit.nn;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.mnistkit.nn.layers.Dropout;

/**
 * {@link Dropout}: Deeplearning4j's DropoutLayer, which takes the probability of keeping
 * (1 - rate); nothing in ONNX, since dropout is the identity at inference.
 */
final class DropoutType implements LayerType<Dropout> {

  @Override
  public String name() {
    return "dropout";
  }

  @Override
  public Class<Dropout> layerClass() {
    return Dropout.class;
  }

  @Override
  public void writeConfig(Dropout d, Map<String, String> config) {
    config.put("rate", Double.toString(d.rate()));
  }

  @Override
  public Dropout readConfig(LayerConfig c) {
    return new Dropout(c.decimal("rate"), List.of());
  }

  @Override
  public org.deeplearning4j.nn.conf.layers.Layer toDl4j(Dropout d, Dl4jSite at) {
    return new DropoutLayer.Builder(1 - d.rate()).build();
  }

  @Override
  public void toOnnx(Dropout d, OnnxStep step) {
    // The identity at inference: the input tensor goes on unchanged.
  }
}
