package org.mnistkit.nn;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.mnistkit.nn.layers.Dense;
import org.mnistkit.nn.layers.Initializer;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXRef;

/**
 * {@link Dense}: a hidden one becomes {@link LeanDenseConf}, the last one Deeplearning4j's
 * OutputLayer carrying the loss; in ONNX, Gemm (input x kernel + bias) then the activation.
 */
final class DenseType implements LayerType<Dense> {

  @Override
  public String name() {
    return "dense";
  }

  @Override
  public Class<Dense> layerClass() {
    return Dense.class;
  }

  @Override
  public void writeConfig(Dense d, Map<String, String> config) {
    config.put("units", Integer.toString(d.units()));
    config.put("activation", d.activation().kerasName());
    config.put("use_bias", Boolean.toString(d.useBias()));
    config.put("kernel_initializer", d.kernelInitializer().kerasName());
    config.put("bias_initializer", d.biasInitializer().kerasName());
  }

  @Override
  public Dense readConfig(LayerConfig c) {
    return new Dense(c.integer("units"), c.activation("activation"), c.bool("use_bias"),
        c.initializer("kernel_initializer"), c.initializer("bias_initializer"), List.of());
  }

  @Override
  public org.deeplearning4j.nn.conf.layers.Layer toDl4j(Dense d, Dl4jSite at) {
    if (at.output()) {
      return common(new OutputLayer.Builder(NetworkFactory.lossFunction(at.loss())), d, at).hasBias(d.useBias())
          .build();
    }
    return LeanDenseConf.of(common(new DenseLayer.Builder(), d, at).hasBias(d.useBias()).build(),
        at.firstOnFeatures());
  }

  /** Sets what hidden and output dense layers share: units, activation, initializers. */
  private static <B extends FeedForwardLayer.Builder<B>> B common(B builder, Dense d, Dl4jSite at) {
    return builder.nOut(d.units())
        .activation(NetworkFactory.activation(d.activation()))
        .weightInit(NetworkFactory.weightInit(d.kernelInitializer(), at.input()[0]))
        .biasInit(d.biasInitializer() == Initializer.ONES ? 1 : 0);
  }

  @Override
  public void toOnnx(Dense d, OnnxStep step) {
    int fanIn = step.inputShape()[0];
    // Deeplearning4j's W is nIn x nOut: Gemm computes input . W (+ b), no transposition.
    List<ONNXRef<?>> inputs = d.useBias()
        ? List.of(step.param("W", fanIn, d.units()), step.param("b", d.units()))
        : List.of(step.param("W", fanIn, d.units()));
    step.apply(ONNXOperators.GEMM, inputs, Map.of());
    step.activation(d.activation());
  }
}
