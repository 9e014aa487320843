package org.mnistkit.nn;

import java.lang.ref.Reference;
import org.bytedeco.javacpp.FloatPointer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ConvolutionUtils;
import org.mnistkit.core.concurrent.Workers;
import org.nd4j.common.primitives.Pair;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Deeplearning4j's 2D convolution with its own forward and backward passes. Deeplearning4j's
 * training pass (ConvolutionLayer in 1.0.0-M2.1; its oneDNN helper is off by default and the CPU
 * binary has no oneDNN) does im2col into a permuted array, a GEMM, then strided copies and a strided
 * activation over permuted views, allocates fresh arrays, and copies its cache: in a profile of the
 * MNIST convnet those took far more time than the GEMMs (docs/convnet-profile.md). This layer:
 *
 * <ul>
 *   <li><b>inference</b> ({@code training == false}): libnd4j's conv2d op, which writes NCHW in C
 *       order directly, then the activation in place;
 *   <li><b>training forward</b>: im2col ({@link Im2col}) into a C-order [n, c, kh, kw, oh, ow]
 *       array, one sgemm per image (Z_i = W col_i, {@link ConvGemm}) into the C-order NCHW output,
 *       the bias as a broadcast add and the activation in place. The im2col array and the
 *       activation stay in Deeplearning4j's activation workspace, which is open until the backward
 *       pass;
 *   <li><b>backward</b>: delta = epsilon * f'(z) with relu'(z) = [a &gt; 0] taken from the kept
 *       activation, the bias gradient as a sum of delta, the weight gradient as sgemms of delta with
 *       the kept im2col array, and (except for the first layer, whose input gradient nobody uses)
 *       the input gradient as sgemms W^T delta written over the im2col array, then col2im. The
 *       gradients go into Deeplearning4j's gradient views, so its updater and the rest of the step
 *       stay as they are.
 * </ul>
 *
 * The per-image work (im2col, the sgemms, col2im) is cut into {@value #PIECES} fixed pieces of the
 * batch, which run on two threads during a fit (workers from {@link Trainer}, OpenBLAS on one
 * thread each, as DenseSteps does) and in turn on the calling thread otherwise; the second piece's
 * weight gradient is added to the first's, so the thread count does not change the weights. The
 * element-wise work (bias, activation, its derivative, the bias gradient) runs on the calling
 * thread. Other cases fall back to Deeplearning4j's code: masks,
 * input dropout, weight noise, NHWC, dilation, activations other than relu and identity, other
 * data types, inputs that change between the passes, arrays of more than 2^31 - 1 values. The
 * outputs and gradients equal Deeplearning4j's up to float rounding (LeanConvLayerTest,
 * LeanConvTrainingTest).
 */
final class LeanConvLayer extends org.deeplearning4j.nn.layers.convolution.ConvolutionLayer {

  /** Pieces of a batch (images [0, ceil(n/2)) and the rest): fixed, whatever the thread count. */
  static final int PIECES = 2;

  private final boolean skipInputGradient;
  /** Threads for the pieces during a fit, or null: the pieces run in turn on the calling thread. */
  private Workers workers;
  /** Set by the training forward pass of our own path, cleared when the backward pass used it. */
  private Kept kept;
  /** Whether the last backward pass ran our own path (for tests). */
  boolean lastBackwardOwn;

  private record Kept(INDArray input, INDArray col, INDArray out, Geometry g) {}

  /** Sizes of one pass: batch n, channels c x h x w in, o x oh x ow out, kernel, stride, top-left pad. */
  private record Geometry(int n, int c, int h, int w, int o, int kh, int kw, int oh, int ow, int sh, int sw, int ph,
      int pw) {
    int k() {
      return c * kh * kw;
    }

    int p() {
      return oh * ow;
    }

    Im2col columns() {
      return new Im2col(n, c, h, w, kh, kw, oh, ow, sh, sw, ph, pw);
    }
  }

  LeanConvLayer(NeuralNetConfiguration conf, DataType dataType, boolean skipInputGradient) {
    super(conf, dataType);
    this.skipInputGradient = skipInputGradient;
  }

  /**
   * Hands the workers to every LeanConvLayer of a network, for the duration of a fit; null takes
   * them back. The weights do not depend on it: the pieces are the same, and their weight gradients
   * are summed in piece order.
   */
  static void useWorkers(MultiLayerNetwork net, Workers w) {
    for (org.deeplearning4j.nn.api.Layer layer : net.getLayers()) {
      if (layer instanceof LeanConvLayer lean) {
        lean.workers = w;
      }
    }
  }

  /** @return whether the network has a LeanConvLayer */
  static boolean presentIn(MultiLayerNetwork net) {
    return java.util.Arrays.stream(net.getLayers()).anyMatch(LeanConvLayer.class::isInstance);
  }

  /** Runs piece(from, to) for each non-empty piece of n images, on the workers when there are some. */
  private void inPieces(int n, Workers.RangeTask piece) {
    int half = (n + 1) / 2;
    if (workers == null || half == n) {
      piece.run(0, 0, half);
      if (half < n) {
        piece.run(1, half, n);
      }
    } else {
      workers.forEach(PIECES, (worker, t) -> piece.run(t, t == 0 ? 0 : half, t == 0 ? half : n));
    }
  }

  @Override
  public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
    kept = null;
    org.deeplearning4j.nn.conf.layers.ConvolutionLayer c = layerConf();
    if (maskArray != null || input == null || input.rank() != 4 || c.getCnn2dDataFormat() != CNN2DFormat.NCHW
        || input.dataType() != dataType || (training && !ownTrainingPath())) {
      return super.activate(training, workspaceMgr);
    }
    INDArray weights = getParam(ConvolutionParamInitializer.WEIGHT_KEY);
    validateInputDepth(weights.size(1));
    return training ? trainingForward(weights, workspaceMgr) : inference(weights, workspaceMgr);
  }

  private boolean ownTrainingPath() {
    org.deeplearning4j.nn.conf.layers.ConvolutionLayer c = layerConf();
    int[] d = c.getDilation();
    return dataType == DataType.FLOAT && c.getIDropout() == null && c.getWeightNoise() == null
        && d[0] == 1 && d[1] == 1 && input.size(0) > 0
        && LeanDenseLayer.derivableFromOutput(c.getActivationFn());
  }

  private INDArray inference(INDArray weights, LayerWorkspaceMgr workspaceMgr) {
    org.deeplearning4j.nn.conf.layers.ConvolutionLayer c = layerConf();
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

  private INDArray trainingForward(INDArray weights, LayerWorkspaceMgr workspaceMgr) {
    Geometry g = geometry(weights);
    if ((long) g.n * g.k() * g.p() > Integer.MAX_VALUE || (long) g.n * g.c * g.h * g.w > Integer.MAX_VALUE
        || (long) g.n * g.o * g.p() > Integer.MAX_VALUE) {
      return super.activate(true, workspaceMgr);
    }
    // Deeplearning4j's cache of an earlier pass of its own must not outlive this one.
    preOutput = null;
    i2d = null;
    INDArray x = NdArrays.isCContiguous(input) ? input
        : workspaceMgr.dup(ArrayType.FF_WORKING_MEM, input, 'c');
    INDArray col = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT,
        new long[] {g.n, g.c, g.kh, g.kw, g.oh, g.ow}, 'c');
    INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT,
        new long[] {g.n, g.o, g.oh, g.ow}, 'c');
    Im2col columns = g.columns();
    FloatPointer xp = DenseShape.pointer(x);
    FloatPointer colp = DenseShape.pointer(col);
    FloatPointer outp = DenseShape.pointer(out);
    INDArray w = cOrder(weights);
    FloatPointer wp = DenseShape.pointer(w);
    inPieces(g.n, (t, from, to) -> {
      columns.im2col(xp.asBuffer(), colp.asBuffer(), from, to);
      ConvGemm.forward(wp, colp, outp, from, to, g.o, g.k(), g.p());
    });
    // the raw pointers do not keep the arrays alive (without workspaces the GC could free them)
    Reference.reachabilityFence(x);
    Reference.reachabilityFence(w);
    if (hasBias()) {
      INDArray bias = getParam(ConvolutionParamInitializer.BIAS_KEY);
      Nd4j.getExecutioner().exec(new BroadcastAddOp(out, bias.reshape(g.o), out, 1));
    }
    out = layerConf().getActivationFn().getActivation(out, true);
    kept = new Kept(input, col, out, g);
    return out;
  }

  private Geometry geometry(INDArray weights) {
    org.deeplearning4j.nn.conf.layers.ConvolutionLayer c = layerConf();
    int[] kernel = c.getKernelSize();
    int[] strides = c.getStride();
    int[] dilation = c.getDilation();
    boolean same = convolutionMode == ConvolutionMode.Same;
    int h = (int) input.size(2);
    int w = (int) input.size(3);
    int[] outSize;
    int[] pad;
    if (same) {
      outSize = ConvolutionUtils.getOutputSize(input, kernel, strides, null, convolutionMode, dilation,
          CNN2DFormat.NCHW);
      pad = ConvolutionUtils.getSameModeTopLeftPadding(outSize, new int[] {h, w}, kernel, strides, dilation);
    } else {
      pad = c.getPadding();
      outSize = ConvolutionUtils.getOutputSize(input, kernel, strides, pad, convolutionMode, dilation,
          CNN2DFormat.NCHW);
    }
    return new Geometry((int) input.size(0), (int) input.size(1), h, w, (int) weights.size(0), kernel[0], kernel[1],
        outSize[0], outSize[1], strides[0], strides[1], pad[0], pad[1]);
  }

  @Override
  public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
    Kept k = kept;
    kept = null;
    lastBackwardOwn = false;
    if (k == null || k.input != input || maskArray != null || epsilon == null
        || epsilon.dataType() != DataType.FLOAT || !java.util.Arrays.equals(epsilon.shape(), k.out.shape())) {
      return super.backpropGradient(epsilon, workspaceMgr);
    }
    Geometry g = k.g;
    // delta = epsilon * f'(z), in place when epsilon is C-ordered: nothing reads epsilon after this layer.
    INDArray delta = NdArrays.isCContiguous(epsilon) ? epsilon
        : workspaceMgr.dup(ArrayType.BP_WORKING_MEM, epsilon, 'c');
    if (layerConf().getActivationFn() instanceof ActivationReLU) {
      INDArray mask = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, DataType.FLOAT, k.out.shape(), 'c');
      Nd4j.getExecutioner().exec(new Step(k.out, mask, 0.0));
      delta.muli(mask);
    }
    Gradient ret = new DefaultGradient();
    if (hasBias()) {
      INDArray biasGrad = gradientViews.get(ConvolutionParamInitializer.BIAS_KEY);
      delta.sum(biasGrad.reshape(g.o), 0, 2, 3);
      ret.setGradientFor(ConvolutionParamInitializer.BIAS_KEY, biasGrad);
    }
    INDArray weightGrad = gradientViews.get(ConvolutionParamInitializer.WEIGHT_KEY);
    if (!NdArrays.isCContiguous(weightGrad)) {
      throw new IllegalStateException("weight gradient view not in C order: " + weightGrad.shapeInfoToString());
    }
    // the second piece's weight gradient goes to scratch and is added afterwards
    INDArray secondGrad = g.n > 1
        ? workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, DataType.FLOAT, weightGrad.shape(), 'c') : null;
    INDArray next = skipInputGradient ? null : workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD,
        DataType.FLOAT, new long[] {g.n, g.c, g.h, g.w}, 'c');
    Im2col columns = g.columns();
    FloatPointer deltap = DenseShape.pointer(delta);
    FloatPointer colp = DenseShape.pointer(k.col);
    INDArray w = cOrder(getParam(ConvolutionParamInitializer.WEIGHT_KEY));
    FloatPointer wp = DenseShape.pointer(w);
    FloatPointer[] dwp = {DenseShape.pointer(weightGrad), secondGrad == null ? null : DenseShape.pointer(secondGrad)};
    FloatPointer nextp = next == null ? null : DenseShape.pointer(next);
    inPieces(g.n, (t, from, to) -> {
      ConvGemm.weightGradient(deltap, colp, dwp[t], from, to, g.o, g.k(), g.p());
      if (nextp != null) {
        // the im2col rows of these images are no longer needed: their column gradient overwrites them
        ConvGemm.columnGradient(wp, deltap, colp, from, to, g.o, g.k(), g.p());
        columns.col2im(colp.asBuffer(), nextp.asBuffer(), from, to);
      }
    });
    Reference.reachabilityFence(delta);
    Reference.reachabilityFence(k);
    Reference.reachabilityFence(w);
    if (secondGrad != null) {
      weightGrad.addi(secondGrad);
    }
    ret.setGradientFor(ConvolutionParamInitializer.WEIGHT_KEY, weightGrad, 'c');
    weightNoiseParams.clear();
    lastBackwardOwn = true;
    // Nobody reads the first layer's input gradient, but the network's input preprocessor needs an
    // array: zeros of the input's shape stand in for it.
    return new Pair<>(ret, next != null ? next
        : workspaceMgr.create(ArrayType.ACTIVATION_GRAD, DataType.FLOAT, input.shape(), 'c'));
  }

  /** @return the parameter itself (Deeplearning4j keeps its views in C order), or a C-order copy */
  private static INDArray cOrder(INDArray a) {
    return NdArrays.isCContiguous(a) ? a : a.dup('c');
  }

  @Override
  public void clear() {
    super.clear();
    kept = null;
  }
}
