package org.mnistkit.nn;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.mnistkit.nn.layers.Conv2D;
import org.mnistkit.nn.layers.Initializer;
import org.tribuo.util.onnx.ONNXRef;

/**
 * {@link Conv2D}: Deeplearning4j's ConvolutionLayer, as {@link LeanConvConf} for its own inference
 * and training passes (NCHW, weights filters x channels x kh x kw, the layout of ONNX's Conv); in
 * ONNX, Conv with Deeplearning4j's padding spelled out, then the activation.
 */
final class Conv2DType implements LayerType<Conv2D> {

  @Override
  public String name() {
    return "conv2d";
  }

  @Override
  public Class<Conv2D> layerClass() {
    return Conv2D.class;
  }

  @Override
  public boolean needsImages() {
    return true;
  }

  @Override
  public void writeConfig(Conv2D c, Map<String, String> config) {
    config.put("filters", Integer.toString(c.filters()));
    config.put("kernel_size", LayerConfig.join(c.kernelSize()));
    config.put("strides", LayerConfig.join(c.strides()));
    config.put("padding", c.padding().kerasName());
    config.put("activation", c.activation().kerasName());
    config.put("use_bias", Boolean.toString(c.useBias()));
    config.put("kernel_initializer", c.kernelInitializer().kerasName());
    config.put("bias_initializer", c.biasInitializer().kerasName());
  }

  @Override
  public Conv2D readConfig(LayerConfig c) {
    return new Conv2D(c.integer("filters"), c.ints("kernel_size"), c.ints("strides"), c.padding("padding"),
        c.activation("activation"), c.bool("use_bias"), c.initializer("kernel_initializer"),
        c.initializer("bias_initializer"), List.of());
  }

  @Override
  public org.deeplearning4j.nn.conf.layers.Layer toDl4j(Conv2D c, Dl4jSite at) {
    int kh = c.kernelSize().get(0);
    int kw = c.kernelSize().get(1);
    ConvolutionLayer.Builder builder = new ConvolutionLayer.Builder(kh, kw)
        .stride(c.strides().get(0), c.strides().get(1))
        .nOut(c.filters())
        .convolutionMode(NetworkFactory.mode(c.padding()))
        .activation(NetworkFactory.activation(c.activation()))
        .weightInit(NetworkFactory.weightInit(c.kernelInitializer(), kh * kw * at.input()[2]))
        .biasInit(c.biasInitializer() == Initializer.ONES ? 1 : 0)
        .hasBias(c.useBias());
    builder.build(); // Deeplearning4j's validation of the settings
    return new LeanConvConf(builder, at.first());
  }

  @Override
  public void toOnnx(Conv2D c, OnnxStep step) {
    int channels = step.inputShape()[2];
    int kh = c.kernelSize().get(0);
    int kw = c.kernelSize().get(1);
    List<ONNXRef<?>> inputs = c.useBias()
        ? List.of(step.param("W", c.filters(), channels, kh, kw), step.param("b", c.filters()))
        : List.of(step.param("W", c.filters(), channels, kh, kw));
    step.apply(OnnxOps.CONV, inputs, Map.of(
        "kernel_shape", new int[] {kh, kw},
        "strides", new int[] {c.strides().get(0), c.strides().get(1)},
        "pads", step.pads2d(c.padding(), c.kernelSize(), c.strides())));
    step.activation(c.activation());
  }
}
