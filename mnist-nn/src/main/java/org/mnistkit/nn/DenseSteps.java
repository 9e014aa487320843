package org.mnistkit.nn;

import static org.mnistkit.nn.DenseShape.N;
import static org.mnistkit.nn.DenseShape.ROW;
import static org.mnistkit.nn.DenseShape.T;
import static org.mnistkit.nn.DenseShape.at;

import java.nio.FloatBuffer;
import java.util.List;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mnistkit.core.concurrent.Workers;
import org.mnistkit.core.tensor.FloatMatrix;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The training step of an all-dense network (hidden layers relu or linear, a softmax output with
 * categorical cross-entropy, RMSprop), computed without Deeplearning4j's per-step machinery: the
 * matrix products call OpenBLAS's single-threaded sgemm directly on the network's own parameter
 * memory, everything else (bias, relu, softmax, loss, RMSprop) runs in plain Java loops over
 * scratch arrays allocated once per fit. It trains the very network that {@link Sequential} saves:
 * the weights are written back into Deeplearning4j's parameter array after every step and the
 * RMSprop state into its updater-state view after every epoch.
 *
 * <p>Both cores are used without the contention that Nd4jRuntime describes: each large product
 * (at least {@value #SPLIT_WORK} multiply-adds) is cut into {@value #PIECES} fixed pieces by
 * output units, and the pieces run on up to two Java threads, each calling sgemm with OpenBLAS set
 * to one thread. The pieces write disjoint outputs and do not depend on the thread count, so one
 * thread and two give the same weights bit for bit. Per step, for layers 0..L-1 (A_{-1} = X):
 * forward Z_l = A_{l-1} W_l + b_l; dZ_{L-1} = (softmax - Y) / m; dA_{l-1} = dZ_l W_l^T masked by
 * relu'; dW_l = A_{l-1}^T dZ_l, db_l = column sums of dZ_l; then Keras's RMSprop: s = rho s +
 * (1 - rho) g^2, w -= lr g / (sqrt(s) + eps). Deeplearning4j's step computes the same up to float
 * rounding (DenseStepsTest). The layout and the per-row work are {@link DenseShape}'s.
 */
final class DenseSteps implements AutoCloseable {

  /** Products of at least this many multiply-adds are split into {@link #PIECES} pieces. */
  static final long SPLIT_WORK = 1L << 22;
  /** Pieces of a split product; also the most threads used. */
  static final int PIECES = 2;

  private final DenseShape shape;
  private final MultiLayerNetwork net;
  private final Loss loss;
  private final int layers;
  private final int[] nIn;
  private final int[] nOut;
  private final float lr;
  private final float rho;
  private final float eps;
  private final Workers workers;
  // the network's parameters and RMSprop state, looked up again before each epoch (a callback
  // may have replaced them between epochs)
  private FloatPointer params;
  private FloatBuffer paramsView;
  private INDArray stateView;
  // native scratch (malloc'ed): the batch's inputs, each layer's outputs, dZ and kernel gradient
  private final FloatPointer xn;
  private final FloatBuffer xView;
  private final FloatPointer[] an;
  private final FloatBuffer[] aView;
  private final FloatPointer[] dzn;
  private final FloatBuffer[] dzView;
  private final FloatPointer[] gn;
  private final FloatBuffer[] gView;
  // heap: activations, dZ, kernel (W^T), bias, their RMSprop states, the gradients
  private final float[][] a;
  private final float[][] dz;
  private final float[][] w;
  private final float[][] b;
  private final float[][] sw;
  private final float[][] sb;
  private final float[][] g;
  private final float[][] gb;

  /**
   * @param model a compiled model that {@link #supports} accepts
   * @param batch the largest batch, at least 1
   * @param threads 1 or 2 threads; does not change the result
   */
  DenseSteps(Sequential model, int batch, int threads) {
    shape = DenseShape.of(model);
    net = model.network();
    loss = model.loss();
    layers = shape.layers;
    nIn = shape.nIn;
    nOut = shape.nOut;
    Optimizer.RmsProp opt = (Optimizer.RmsProp) model.optimizer();
    lr = (float) opt.learningRate();
    rho = (float) opt.rho();
    eps = (float) opt.epsilon();
    an = new FloatPointer[layers];
    dzn = new FloatPointer[layers];
    gn = new FloatPointer[layers];
    // a failed allocation (native or heap) frees the native scratch already taken: this object is
    // never returned, so close() could not
    try {
      xn = DenseShape.malloc((long) batch * nIn[0]);
      xView = xn.asBuffer();
      aView = new FloatBuffer[layers];
      dzView = new FloatBuffer[layers];
      gView = new FloatBuffer[layers];
      a = new float[layers][];
      dz = new float[layers][];
      w = new float[layers][];
      b = new float[layers][];
      sw = new float[layers][];
      sb = new float[layers][];
      g = new float[layers][];
      gb = new float[layers][];
      for (int l = 0; l < layers; l++) {
        an[l] = DenseShape.malloc((long) batch * nOut[l]);
        aView[l] = an[l].asBuffer();
        dzn[l] = DenseShape.malloc((long) batch * nOut[l]);
        dzView[l] = dzn[l].asBuffer();
        gn[l] = DenseShape.malloc((long) nIn[l] * nOut[l]);
        gView[l] = gn[l].asBuffer();
        a[l] = new float[batch * nOut[l]];
        dz[l] = new float[batch * nOut[l]];
        w[l] = new float[nIn[l] * nOut[l]];
        sw[l] = new float[w[l].length];
        g[l] = new float[w[l].length];
        b[l] = new float[nOut[l]];
        sb[l] = new float[nOut[l]];
        gb[l] = new float[nOut[l]];
      }
      workers = new Workers(Math.max(1, Math.min(PIECES, threads)));
    } catch (OutOfMemoryError | RuntimeException e) {
      freeNative();
      throw e;
    }
  }

  /**
   * @return whether the model is one this class trains exactly as Deeplearning4j would: a
   *     {@link DenseShape} with a softmax output, categorical cross-entropy, RMSprop, and one
   *     RMSprop state value per parameter
   */
  static boolean supports(Sequential model) {
    if (!(model.optimizer() instanceof Optimizer.RmsProp) || model.loss() != Loss.CATEGORICAL_CROSSENTROPY) {
      return false;
    }
    DenseShape shape = DenseShape.of(model);
    if (shape == null || !shape.softmax) {
      return false;
    }
    INDArray state = model.network().getUpdater().getStateViewArray();
    return state != null && state.length() == model.network().params().length() && NdArrays.isDense(state);
  }

  /** Copies the weights and the RMSprop state from the network; call before each epoch. */
  void load() {
    params = DenseShape.pointer(net.params());
    paramsView = params.asBuffer();
    stateView = net.getUpdater().getStateViewArray();
    FloatBuffer state = DenseShape.pointer(stateView).asBuffer();
    for (int l = 0; l < layers; l++) {
      paramsView.get(Math.toIntExact(shape.wOff[l]), w[l], 0, w[l].length);
      state.get(Math.toIntExact(shape.wOff[l]), sw[l], 0, sw[l].length);
      if (shape.bias[l]) {
        paramsView.get(Math.toIntExact(shape.bOff[l]), b[l], 0, b[l].length);
        state.get(Math.toIntExact(shape.bOff[l]), sb[l], 0, sb[l].length);
      }
    }
  }

  /**
   * Writes the RMSprop state into the network's updater and counts the steps in its iteration
   * count, as Deeplearning4j's fit does; call after each epoch.
   */
  void store(int steps) {
    FloatBuffer state = DenseShape.pointer(stateView).asBuffer();
    for (int l = 0; l < layers; l++) {
      state.put(Math.toIntExact(shape.wOff[l]), sw[l], 0, sw[l].length);
      if (shape.bias[l]) {
        state.put(Math.toIntExact(shape.bOff[l]), sb[l], 0, sb[l].length);
      }
    }
    var conf = net.getLayerWiseConfigurations();
    conf.setIterationCount(conf.getIterationCount() + steps);
  }

  /**
   * @return layer l's kernel gradient of the latest step (mean loss over the batch), W^T layout
   *     (nOut x nIn, row-major), computed before that step's update; for tests
   */
  float[] kernelGradient(int l) {
    return g[l];
  }

  /** @return layer l's bias gradient of the latest step; for tests */
  float[] biasGradient(int l) {
    return gb[l];
  }

  /** @return the softmax outputs of the latest step, row-major, {@code units} per row */
  float[] probabilities() {
    return a[layers - 1];
  }

  /**
   * Trains on one batch: rows order[from .. from + m) of x and y.
   *
   * @param m rows in the batch, 1..batch
   * @return the sum of the rows' losses
   */
  double step(FloatMatrix x, FloatMatrix y, int[] order, int from, int m) {
    int d = nIn[0];
    float[] xd = x.data();
    for (int r = 0; r < m; r++) {
      xView.put(r * d, xd, order[from + r] * d, d);
    }
    int last = layers - 1;
    for (int l = 0; l < last; l++) {
      int layer = l;
      run(pieces(m, l), (t, n) -> forward(layer, m, range(nOut[layer], t, n), range(nOut[layer], t + 1, n)));
    }
    forward(last, m, 0, nOut[last]);
    double lossSum = head(y, order, from, m);
    for (int l = last; l > 0; l--) {
      int layer = l;
      run(pieces(m, l), (t, n) -> inputGradient(layer, m, range(nIn[layer], t, n), range(nIn[layer], t + 1, n)));
    }
    int[] first = new int[layers + 1];
    for (int l = 0; l < layers; l++) {
      first[l + 1] = first[l] + pieces(m, l);
    }
    workers.forEach(first[layers], (worker, task) -> {
      int l = 0;
      while (task >= first[l + 1]) {
        l++;
      }
      int n = first[l + 1] - first[l];
      int t = task - first[l];
      update(l, m, range(nOut[l], t, n), range(nOut[l], t + 1, n));
    });
    return lossSum;
  }

  /** One piece of a phase: piece t of n. */
  private interface Piece {
    void run(int t, int n);
  }

  private void run(int n, Piece piece) {
    if (n == 1) {
      piece.run(0, 1);
    } else {
      workers.forEach(n, (worker, t) -> piece.run(t, n));
    }
  }

  /** @return how many pieces layer l's products are cut into: fixed by the shapes alone */
  int pieces(int m, int l) {
    return (long) m * nIn[l] * nOut[l] >= SPLIT_WORK && nOut[l] >= PIECES && nIn[l] >= PIECES ? PIECES : 1;
  }

  private static int range(int n, int t, int pieces) {
    return (int) ((long) n * t / pieces);
  }

  /** Units [c0, c1) of layer l: A_l = act(A_{l-1} W_l + b_l), into an[l] and a[l]. */
  private void forward(int l, int m, int c0, int c1) {
    shape.forward(l, m, c0, c1, params, l == 0 ? xn : an[l - 1], an[l], aView[l], a[l], b[l], l < layers - 1);
  }

  /**
   * Softmax of the last layer's outputs (in place in a[last]), the loss, and dZ = (p - y) / m into
   * dz[last] and dzn[last].
   */
  private double head(FloatMatrix y, int[] order, int from, int m) {
    int last = layers - 1;
    int o = nOut[last];
    float[] p = a[last];
    float[] grad = dz[last];
    float[] yd = y.data();
    float inv = 1f / m;
    DenseShape.softmax(p, m, o);
    double lossSum = 0;
    for (int r = 0; r < m; r++) {
      int base = r * o;
      int yOff = order[from + r] * o;
      lossSum += loss.rowLoss(p, base, yd, yOff, o);
      for (int j = 0; j < o; j++) {
        grad[base + j] = (p[base + j] - yd[yOff + j]) * inv;
      }
    }
    dzView[last].put(0, grad, 0, m * o);
    return lossSum;
  }

  /**
   * Inputs [c0, c1) of layer l (l &gt;= 1): dZ_{l-1} = (dZ_l W_l^T) masked by relu' of A_{l-1},
   * into dzn[l-1] and dz[l-1]. Reads the kernel before this step's update.
   */
  private void inputGradient(int l, int m, int c0, int c1) {
    int k = nIn[l];
    int o = nOut[l];
    openblas_nolapack.cblas_sgemm(ROW, N, N, m, c1 - c0, o, 1f, dzn[l], o, at(params, shape.wOff[l] + c0), k, 0f,
        at(dzn[l - 1], c0), k);
    float[] out = dz[l - 1];
    float[] act = a[l - 1];
    FloatBuffer view = dzView[l - 1];
    int len = c1 - c0;
    for (int r = 0; r < m; r++) {
      int base = r * k + c0;
      view.get(base, out, base, len);
      if (shape.relu[l - 1]) {
        // relu'(z) = [a > 0] for a = relu(z) >= 0: min(1, a * 1e38 * 1e38) is exactly 0 or 1 (the
        // smallest positive float times 1e76 is above 1), and unlike a branch it vectorizes
        for (int j = 0; j < len; j++) {
          out[base + j] *= Math.min(1f, act[base + j] * 1e38f * 1e38f);
        }
        view.put(base, out, base, len);
      }
    }
  }

  /**
   * Units [r0, r1) of layer l: dW_l = dZ_l^T A_{l-1} (rows of W^T), db_l, then RMSprop on those
   * weights and biases, written back into the network's parameters.
   */
  private void update(int l, int m, int r0, int r1) {
    int k = nIn[l];
    int o = nOut[l];
    FloatPointer in = l == 0 ? xn : an[l - 1];
    openblas_nolapack.cblas_sgemm(ROW, T, N, r1 - r0, k, m, 1f, at(dzn[l], r0), o, in, k, 0f,
        at(gn[l], (long) r0 * k), k);
    int from = r0 * k;
    int len = (r1 - r0) * k;
    gView[l].get(from, g[l], from, len);
    JavaRmsProp.Updater.apply(w[l], sw[l], g[l], from, from + len, lr, rho, eps);
    paramsView.put(Math.toIntExact(shape.wOff[l] + from), w[l], from, len);
    if (shape.bias[l]) {
      float[] grad = gb[l];
      float[] dzl = dz[l];
      for (int j = r0; j < r1; j++) {
        grad[j] = 0;
      }
      for (int r = 0; r < m; r++) {
        int base = r * o;
        for (int j = r0; j < r1; j++) {
          grad[j] += dzl[base + j];
        }
      }
      JavaRmsProp.Updater.apply(b[l], sb[l], grad, r0, r1, lr, rho, eps);
      paramsView.put(Math.toIntExact(shape.bOff[l] + r0), b[l], r0, r1 - r0);
    }
  }

  /** Frees the native scratch allocated so far (null entries are skipped); a second call frees nothing. */
  private void freeNative() {
    if (xn != null && !xn.isNull()) {
      Pointer.free(xn);
      xn.setNull();
    }
    for (FloatPointer[] ps : List.of(an, dzn, gn)) {
      for (int i = 0; i < ps.length; i++) {
        if (ps[i] != null) {
          Pointer.free(ps[i]);
          ps[i] = null;
        }
      }
    }
  }

  @Override
  public void close() {
    workers.close();
    freeNative();
  }
}
