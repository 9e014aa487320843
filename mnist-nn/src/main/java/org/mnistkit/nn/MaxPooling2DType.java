package org.mnistkit.nn;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.mnistkit.nn.layers.MaxPooling2D;

/**
 * {@link MaxPooling2D}: Deeplearning4j's SubsamplingLayer with max pooling; in ONNX, MaxPool with
 * Deeplearning4j's padding spelled out.
 */
final class MaxPooling2DType implements LayerType<MaxPooling2D> {

  @Override
  public String name() {
    return "max_pooling2d";
  }

  @Override
  public Class<MaxPooling2D> layerClass() {
    return MaxPooling2D.class;
  }

  @Override
  public boolean needsImages() {
    return true;
  }

  @Override
  public void writeConfig(MaxPooling2D m, Map<String, String> config) {
    config.put("pool_size", LayerConfig.join(m.poolSize()));
    config.put("strides", LayerConfig.join(m.strides()));
    config.put("padding", m.padding().kerasName());
  }

  @Override
  public MaxPooling2D readConfig(LayerConfig c) {
    return new MaxPooling2D(c.ints("pool_size"), c.ints("strides"), c.padding("padding"), List.of());
  }

  @Override
  public org.deeplearning4j.nn.conf.layers.Layer toDl4j(MaxPooling2D p, Dl4jSite at) {
    return new SubsamplingLayer.Builder(PoolingType.MAX)
        .kernelSize(p.poolSize().get(0), p.poolSize().get(1))
        .stride(p.strides().get(0), p.strides().get(1))
        .convolutionMode(NetworkFactory.mode(p.padding()))
        .build();
  }

  @Override
  public void toOnnx(MaxPooling2D p, OnnxStep step) {
    step.apply(OnnxOps.MAX_POOL, List.of(), Map.of(
        "kernel_shape", new int[] {p.poolSize().get(0), p.poolSize().get(1)},
        "strides", new int[] {p.strides().get(0), p.strides().get(1)},
        "pads", step.pads2d(p.padding(), p.poolSize(), p.strides())));
  }
}
