package org.mnistkit.nn;

import java.util.List;
import java.util.Map;
import org.mnistkit.nn.layers.Flatten;

/**
 * {@link Flatten}: no Deeplearning4j layer (Deeplearning4j inserts a preprocessor that flattens
 * its NCHW activations in C order, channel by channel); in ONNX, Flatten(axis 1) on the same NCHW
 * tensor, which gives the same order. On an input that is already flat it does nothing.
 */
final class FlattenType implements LayerType<Flatten> {

  @Override
  public String name() {
    return "flatten";
  }

  @Override
  public Class<Flatten> layerClass() {
    return Flatten.class;
  }

  @Override
  public boolean becomesDl4jLayer() {
    return false;
  }

  @Override
  public void writeConfig(Flatten f, Map<String, String> config) {
    // no settings
  }

  @Override
  public Flatten readConfig(LayerConfig c) {
    return new Flatten(List.of());
  }

  @Override
  public org.deeplearning4j.nn.conf.layers.Layer toDl4j(Flatten f, Dl4jSite at) {
    return null;
  }

  @Override
  public void toOnnx(Flatten f, OnnxStep step) {
    if (step.inputShape().length > 1 && step.imageTensor()) {
      step.apply(OnnxOps.FLATTEN, List.of(), Map.of("axis", 1));
    }
  }
}
