package org.mnistkit.nn;

import java.nio.FloatBuffer;
import java.util.List;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mnistkit.nn.layers.Activation;
import org.mnistkit.nn.layers.Dense;
import org.mnistkit.nn.layers.Layer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An all-dense network as {@link DenseSteps} and {@link DenseForward} see it: hidden layers relu
 * or linear, the last softmax or linear, each layer's kernel and bias located in
 * Deeplearning4j's flattened parameter array, and the per-row work they share (bias, activation,
 * softmax) and the products (OpenBLAS's sgemm, called directly). Deeplearning4j keeps a dense
 * kernel in 'f' order (nIn x nOut), which is W^T in row-major order: row j holds the nIn weights of
 * unit j; products are phrased on that layout.
 */
final class DenseShape {

  static final int ROW = openblas_nolapack.CblasRowMajor;
  static final int N = openblas_nolapack.CblasNoTrans;
  static final int T = openblas_nolapack.CblasTrans;

  final int layers;
  final int[] nIn;
  final int[] nOut;
  final boolean[] relu;
  final boolean[] bias;
  /** Offsets (in floats) of each layer's kernel and bias in the flattened parameters. */
  final long[] wOff;
  final long[] bOff;
  /** Whether the last layer is a softmax (else linear). */
  final boolean softmax;

  private DenseShape(int layers) {
    this.layers = layers;
    nIn = new int[layers];
    nOut = new int[layers];
    relu = new boolean[layers];
    bias = new boolean[layers];
    wOff = new long[layers];
    bOff = new long[layers];
    softmax = true;
  }

  private DenseShape(DenseShape s, boolean softmax) {
    layers = s.layers;
    nIn = s.nIn;
    nOut = s.nOut;
    relu = s.relu;
    bias = s.bias;
    wOff = s.wOff;
    bOff = s.bOff;
    this.softmax = softmax;
  }

  /**
   * @return the shape of a compiled model, or null when it is not such a network or its
   *     parameters are not laid out as expected (float, kernels in 'f' order, layer after layer)
   */
  static DenseShape of(Sequential model) {
    Architecture arch = model.architecture();
    MultiLayerNetwork net = model.network();
    if (arch.isConvolutional() || net == null || !NdArrays.isDense(net.params())) {
      return null;
    }
    List<Layer> specs = arch.layers();
    DenseShape s = new DenseShape(specs.size());
    long off = 0;
    boolean softmax = false;
    for (int l = 0; l < s.layers; l++) {
      if (!(specs.get(l) instanceof Dense d)) {
        return null;
      }
      Activation act = d.activation();
      boolean last = l == s.layers - 1;
      softmax = act == Activation.SOFTMAX;
      if (act != Activation.RELU && act != Activation.LINEAR && !(last && softmax)) {
        return null;
      }
      s.nIn[l] = l == 0 ? arch.inputWidth() : s.nOut[l - 1];
      s.nOut[l] = d.units();
      s.relu[l] = act == Activation.RELU;
      s.bias[l] = d.useBias();
      INDArray kernel = net.getParam(l + "_W");
      if (kernel == null || kernel.ordering() != 'f' || kernel.dataType() != DataType.FLOAT
          || kernel.length() != (long) s.nIn[l] * s.nOut[l] || !sameAddress(kernel, net.params(), off)) {
        return null;
      }
      s.wOff[l] = off;
      off += kernel.length();
      s.bOff[l] = off;
      if (d.useBias()) {
        INDArray b = net.getParam(l + "_b");
        if (b == null || b.length() != s.nOut[l] || !sameAddress(b, net.params(), off)) {
          return null;
        }
        off += b.length();
      }
    }
    return off == net.params().length() ? new DenseShape(s, softmax) : null;
  }

  private static boolean sameAddress(INDArray view, INDArray all, long offset) {
    return NdArrays.isDense(view)
        && view.data().addressPointer().address() == all.data().addressPointer().address() + 4 * offset;
  }

  /**
   * Units [c0, c1) of layer l for m rows: out = in W_l^T restricted to those units, written into
   * native out (row stride nOut[l]) and, after bias and activation, into heap a (same layout);
   * the activated values are copied back into native out when {@code back} is set.
   */
  void forward(int l, int m, int c0, int c1, FloatPointer params, FloatPointer in, FloatPointer out, FloatBuffer outView,
      float[] a, float[] b, boolean back) {
    int k = nIn[l];
    int o = nOut[l];
    openblas_nolapack.cblas_sgemm(ROW, N, T, m, c1 - c0, k, 1f, in, k, at(params, wOff[l] + (long) c0 * k), k, 0f,
        at(out, c0), o);
    int len = c1 - c0;
    for (int r = 0; r < m; r++) {
      int base = r * o + c0;
      outView.get(base, a, base, len);
      if (bias[l]) {
        for (int j = 0; j < len; j++) {
          a[base + j] += b[c0 + j];
        }
      }
      if (relu[l]) {
        for (int j = 0; j < len; j++) {
          a[base + j] = Math.max(a[base + j], 0f);
        }
      }
      if (back) {
        outView.put(base, a, base, len);
      }
    }
  }

  /** Softmax, in place, of each of the m rows of p (o values per row); max-shifted. */
  static void softmax(float[] p, int m, int o) {
    for (int r = 0; r < m; r++) {
      int base = r * o;
      float max = p[base];
      for (int j = 1; j < o; j++) {
        max = Math.max(max, p[base + j]);
      }
      double sum = 0;
      for (int j = 0; j < o; j++) {
        double e = Math.exp(p[base + j] - max);
        p[base + j] = (float) e;
        sum += e;
      }
      for (int j = 0; j < o; j++) {
        p[base + j] = (float) (p[base + j] / sum);
      }
    }
  }

  /** @return n floats of native memory, to be released with {@link Pointer#free} */
  static FloatPointer malloc(long n) {
    Pointer p = Pointer.malloc(4 * n);
    if (p == null || p.isNull()) {
      throw new OutOfMemoryError("could not allocate " + 4 * n + " bytes of native memory");
    }
    return new Raw(p.address(), n);
  }

  /**
   * @return a pointer to base + off floats: a new object, since positions must not be shared
   *     between threads (cheap for pointers without a JavaCPP deallocator, as {@link #malloc}'s)
   */
  static FloatPointer at(FloatPointer base, long off) {
    return new FloatPointer(base).position(base.position() + off);
  }

  /**
   * @return a pointer to the values of a dense float array (see NdArrays.isDense and
   *     NdArrays.isCContiguous), capacity set
   */
  static FloatPointer pointer(INDArray a) {
    if (!NdArrays.isDense(a) && !NdArrays.isCContiguous(a)) {
      throw new IllegalArgumentException("expected a dense float array, got " + a.shapeInfoToString());
    }
    return new Raw(a.data().addressPointer().address(), a.length());
  }

  /** A pointer made from an address: no deallocator, so copies of it cost one small object. */
  private static final class Raw extends FloatPointer {
    Raw(long address, long n) {
      this.address = address;
      this.limit = n;
      this.capacity = n;
    }
  }
}
