package org.mnistkit.nn;

import java.util.Locale;
import org.bytedeco.javacpp.FloatPointer;
import org.mnistkit.core.tensor.FloatMatrix;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The boundary between core's {@link FloatMatrix} and ND4J's INDArray: no other class of mnist-nn
 * copies between Java arrays and native memory. Rows are copied straight into native buffers
 * that the caller allocates once and reuses, so that a training step allocates nothing on the
 * Java heap.
 */
final class NdArrays {

  private NdArrays() {}

  /** @return a new uninitialized rows x cols float matrix in C order, outside any workspace */
  static INDArray matrix(int rows, int cols) {
    return Nd4j.createUninitializedDetached(DataType.FLOAT, rows, cols);
  }

  /**
   * Copies m rows of src, chosen by index, into the first m rows of dst.
   *
   * @param dst a C-order float matrix made by {@link #matrix} with at least m rows of src's width
   * @param rows row indices into src; rows[from .. from + m) are copied in that order
   * @param layout where each destination column comes from within a source row, or null for the
   *     identity
   */
  static void putRows(INDArray dst, FloatMatrix src, int[] rows, int from, int m, int[] layout) {
    int cols = src.cols();
    FloatPointer p = pointer(dst);
    float[] data = src.data();
    float[] scratch = layout == null ? null : new float[cols];
    for (int r = 0; r < m; r++) {
      int srcOff = rows[from + r] * cols;
      p.position((long) r * cols);
      if (layout == null) {
        p.put(data, srcOff, cols);
      } else {
        for (int c = 0; c < cols; c++) {
          scratch[c] = data[srcOff + layout[c]];
        }
        p.put(scratch, 0, cols);
      }
    }
  }

  /** Copies the contiguous rows [from, from + m) of src into the first m rows of dst. */
  static void putRange(INDArray dst, FloatMatrix src, int from, int m, int[] layout) {
    int cols = src.cols();
    if (layout == null) {
      FloatPointer p = pointer(dst);
      p.put(src.data(), from * cols, m * cols);
      return;
    }
    int[] rows = new int[m];
    for (int r = 0; r < m; r++) {
      rows[r] = from + r;
    }
    putRows(dst, src, rows, 0, m, layout);
  }

  /**
   * Copies the first n values of a matrix, read in C order, into dst[off ..].
   *
   * @param a any float array; copied through a C-order duplicate when it is a view or in F order
   */
  static void copyTo(INDArray a, float[] dst, int off, int n) {
    INDArray c = a.ordering() == 'c' && !a.isView() && a.dataType() == DataType.FLOAT ? a
        : a.castTo(DataType.FLOAT).dup('c');
    if (c.length() < n) {
      throw new IllegalStateException(String.format(Locale.ROOT, "asked for %d values of a %s array", n,
          java.util.Arrays.toString(c.shape())));
    }
    new FloatPointer(c.data().addressPointer()).get(dst, off, n);
  }

  /**
   * @return whether the values of a are one contiguous run of floats (element-wise stride 1), as
   *     the views Deeplearning4j hands to updaters are
   */
  static boolean isDense(INDArray a) {
    return a.dataType() == DataType.FLOAT && a.elementWiseStride() == 1 && a.length() <= Integer.MAX_VALUE;
  }

  /**
   * @return whether a is float and one contiguous run in C order: the strides of a C-order array of
   *     its shape (dimensions of size 1 may have any stride)
   */
  static boolean isCContiguous(INDArray a) {
    if (a.dataType() != DataType.FLOAT || a.length() > Integer.MAX_VALUE) {
      return false;
    }
    long[] shape = a.shape();
    long[] stride = a.stride();
    long expected = 1;
    for (int i = shape.length - 1; i >= 0; i--) {
      if (shape[i] != 1 && stride[i] != expected) {
        return false;
      }
      expected *= shape[i];
    }
    return true;
  }

  /**
   * Copies a dense array (see {@link #isDense}), view or not, into dst[0 .. length). (ND4J's view
   * buffers already start at the view's first element, so the view's offset is not added again.)
   */
  static void read(INDArray a, float[] dst) {
    new FloatPointer(denseBuffer(a).addressPointer()).get(dst, 0, (int) a.length());
  }

  /** Overwrites a dense array (see {@link #isDense}), view or not, with src[0 .. length). */
  static void write(float[] src, INDArray a) {
    new FloatPointer(denseBuffer(a).addressPointer()).put(src, 0, (int) a.length());
  }

  private static org.nd4j.linalg.api.buffer.DataBuffer denseBuffer(INDArray a) {
    org.nd4j.linalg.api.buffer.DataBuffer b = a.data();
    if (!isDense(a) || b.length() < a.length()) {
      throw new IllegalArgumentException("expected a dense float array, got " + a.shapeInfoToString());
    }
    return b;
  }

  /** @return a new 1 x n row vector holding a copy of the values */
  static INDArray row(float[] values) {
    return Nd4j.create(values, new long[] {1, values.length}, 'c');
  }

  /** @return the values of a matrix in C order, as a new Java array */
  static float[] toFloats(INDArray a) {
    float[] out = new float[Math.toIntExact(a.length())];
    copyTo(a, out, 0, out.length);
    return out;
  }

  private static FloatPointer pointer(INDArray a) {
    if (a.ordering() != 'c' || a.isView() || a.dataType() != DataType.FLOAT) {
      throw new IllegalArgumentException("batch arrays must be C-order float matrices owning their buffer");
    }
    return new FloatPointer(a.data().addressPointer());
  }

  /**
   * The layout that turns a channels-last row (h, w, c) into Deeplearning4j's channels-first row
   * (c, h, w), or null when no reordering is needed (one channel, or a flat input).
   */
  static int[] channelsFirstLayout(int[] shape) {
    if (shape.length != 3 || shape[2] == 1) {
      return null;
    }
    int h = shape[0];
    int w = shape[1];
    int c = shape[2];
    int[] layout = new int[h * w * c];
    for (int ch = 0; ch < c; ch++) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          layout[(ch * h + y) * w + x] = (y * w + x) * c + ch;
        }
      }
    }
    return layout;
  }
}
