package org.mnistkit.nn;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Deeplearning4j's 2D convolution with a faster inference pass. Deeplearning4j's own forward pass
 * (ConvolutionLayer in 1.0.0-M2.1; its oneDNN helper is off by default and the CPU binary has no
 * oneDNN) does im2col into a permuted array, a GEMM, then a strided copy and a strided activation
 * over a permuted view of the product: in a profile of the MNIST convnet those strided
 * element-wise loops took more time than the GEMM. For inference (not training) this layer runs
 * libnd4j's conv2d op instead, which writes the result in C order (NCHW) directly, and applies the
 * activation in place: about a third of the CPU time per batch (docs/convnet-profile.md). Training
 * keeps Deeplearning4j's path, whose backward pass reuses the training forward pass's cached
 * arrays. Both give the same outputs up to float rounding (tested in LeanConvLayerTest).
 */
final class LeanConvLayer extends org.deeplearning4j.nn.layers.convolution.ConvolutionLayer {

  LeanConvLayer(NeuralNetConfiguration conf, DataType dataType) {
    super(conf, dataType);
  }

  @Override
  public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
    org.deeplearning4j.nn.conf.layers.ConvolutionLayer c = layerConf();
    if (training || maskArray != null || input == null || input.rank() != 4
        || c.getCnn2dDataFormat() != CNN2DFormat.NCHW || input.dataType() != dataType) {
      return super.activate(training, workspaceMgr);
    }
    INDArray weights = getParam(ConvolutionParamInitializer.WEIGHT_KEY);
    validateInputDepth(weights.size(1));
    boolean same = convolutionMode == ConvolutionMode.Same;
    int[] kernel = c.getKernelSize();
    int[] strides = c.getStride();
    int[] dilation = c.getDilation();
    int[] pad = same ? new int[] {0, 0} : c.getPadding();
    int[] outSize = ConvolutionUtils.getOutputSize(input, kernel, strides, same ? null : pad, convolutionMode,
        dilation, CNN2DFormat.NCHW);
    INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType,
        new long[] {input.size(0), weights.size(0), outSize[0], outSize[1]}, 'c');
    Conv2DConfig config = Conv2DConfig.builder()
        .kH(kernel[0]).kW(kernel[1])
        .sH(strides[0]).sW(strides[1])
        .pH(pad[0]).pW(pad[1])
        .dH(dilation[0]).dW(dilation[1])
        .paddingMode(same ? PaddingMode.SAME : PaddingMode.VALID)
        .dataFormat("NCHW")
        .weightsFormat(WeightsFormat.OIYX)
        .build();
    INDArray bias = hasBias() ? getParam(ConvolutionParamInitializer.BIAS_KEY) : null;
    Nd4j.exec(new Conv2D(input, weights, bias, out, config));
    return c.getActivationFn().getActivation(out, false);
  }
}
