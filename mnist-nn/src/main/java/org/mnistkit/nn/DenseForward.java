package org.mnistkit.nn;

import java.lang.ref.Reference;
import java.nio.FloatBuffer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.mnistkit.core.concurrent.Workers;
import org.mnistkit.core.tensor.FloatMatrix;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Predictions of an all-dense network ({@link DenseShape}) without Deeplearning4j: blocks of
 * {@value #BLOCK} rows go through the layers with OpenBLAS's sgemm on the network's own parameter
 * memory, on up to {@code threads} threads that share the weights (no copy of the network). The
 * rows are always cut into the same blocks, starting at the first row asked for, so the outputs
 * depend neither on the thread count nor on a batch size.
 */
final class DenseForward {

  /** Rows per block: one task of a parallel prediction. */
  static final int BLOCK = 256;

  private DenseForward() {}

  /**
   * @param model a compiled model
   * @param shape the model's shape, from {@link DenseShape#of}
   * @param x inputs, already checked
   * @param from first row, inclusive
   * @param to last row, exclusive
   * @param threads the most threads, at least 1
   * @return (to - from) x units outputs, row-major
   */
  static float[] predict(Sequential model, DenseShape shape, FloatMatrix x, int from, int to, int threads) {
    int n = to - from;
    int units = shape.nOut[shape.layers - 1];
    float[] out = new float[Math.multiplyExact(n, units)];
    int blocks = (n + BLOCK - 1) / BLOCK;
    // the pointer holds no reference to the array: keep the array reachable until sgemm is done,
    // or a collection could free its native memory under the workers
    INDArray weights = model.network().params();
    FloatPointer params = DenseShape.pointer(weights);
    try (Workers workers = new Workers(Math.max(1, Math.min(threads, blocks)))) {
      Scratch[] scratch = new Scratch[workers.workersFor(blocks)];
      try {
        for (int w = 0; w < scratch.length; w++) {
          scratch[w] = new Scratch(shape, Math.min(BLOCK, n));
        }
        workers.forEach(blocks, (worker, t) -> {
          int r0 = t * BLOCK;
          int m = Math.min(BLOCK, n - r0);
          scratch[worker].block(shape, params, x, from + r0, m, out, r0 * units);
        });
      } finally {
        for (Scratch s : scratch) {
          if (s != null) {
            s.close();
          }
        }
        Reference.reachabilityFence(weights);
      }
    }
    return out;
  }

  /** One worker's native and heap arrays, for blocks of up to {@code rows} rows. */
  private static final class Scratch implements AutoCloseable {
    private final FloatPointer in;
    private final FloatBuffer inView;
    private final FloatPointer[] outs;
    private final FloatBuffer[] outViews;
    private final float[][] a;
    private final float[][] b;

    Scratch(DenseShape shape, int rows) {
      in = DenseShape.malloc((long) rows * shape.nIn[0]);
      inView = in.asBuffer();
      outs = new FloatPointer[shape.layers];
      outViews = new FloatBuffer[shape.layers];
      a = new float[shape.layers][];
      b = new float[shape.layers][];
      for (int l = 0; l < shape.layers; l++) {
        outs[l] = DenseShape.malloc((long) rows * shape.nOut[l]);
        outViews[l] = outs[l].asBuffer();
        a[l] = new float[rows * shape.nOut[l]];
        b[l] = new float[shape.nOut[l]];
      }
    }

    /** Rows [row, row + m) of x through the network, into out from outOff. */
    void block(DenseShape shape, FloatPointer params, FloatMatrix x, int row, int m, float[] out, int outOff) {
      int d = shape.nIn[0];
      inView.put(0, x.data(), row * d, m * d);
      FloatBuffer paramsView = params.asBuffer();
      int last = shape.layers - 1;
      for (int l = 0; l <= last; l++) {
        if (shape.bias[l]) {
          paramsView.get((int) shape.bOff[l], b[l], 0, b[l].length);
        }
        shape.forward(l, m, 0, shape.nOut[l], params, l == 0 ? in : outs[l - 1], outs[l], outViews[l], a[l], b[l],
            l < last);
      }
      int units = shape.nOut[last];
      if (shape.softmax) {
        DenseShape.softmax(a[last], m, units);
      }
      System.arraycopy(a[last], 0, out, outOff, m * units);
    }

    @Override
    public void close() {
      Pointer.free(in);
      for (FloatPointer p : outs) {
        Pointer.free(p);
      }
    }
  }
}
