package org.mnistkit.nn;

import static org.mnistkit.nn.DenseShape.N;
import static org.mnistkit.nn.DenseShape.ROW;
import static org.mnistkit.nn.DenseShape.T;
import static org.mnistkit.nn.DenseShape.at;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * The three matrix products of a 2D convolution's training step over libnd4j's im2col layout, one
 * OpenBLAS sgemm per image on the calling thread (Nd4jRuntime keeps OpenBLAS on one thread). All
 * arrays are dense row-major float memory:
 *
 * <ul>
 *   <li>W: the kernel, o x k (Deeplearning4j's OIYX weights [o, c, kh, kw] with k = c kh kw);
 *   <li>col: n images of k x p (libnd4j's im2col output [n, c, kh, kw, oh, ow], p = oh ow);
 *   <li>Z, delta: n images of o x p (NCHW activations [n, o, oh, ow]).
 * </ul>
 *
 * With that layout each image's product writes its NCHW block directly: no permuted copies.
 */
final class ConvGemm {

  private ConvGemm() {}

  /** Z_i = W col_i for each image i in [from, to). */
  static void forward(FloatPointer w, FloatPointer col, FloatPointer z, int from, int to, int o, int k, int p) {
    for (int i = from; i < to; i++) {
      openblas_nolapack.cblas_sgemm(ROW, N, N, o, p, k, 1f, w, k, at(col, (long) i * k * p), p, 0f,
          at(z, (long) i * o * p), p);
    }
  }

  /** dW = sum over images i in [from, to) (not empty) of delta_i col_i^T (o x k), in image order. */
  static void weightGradient(FloatPointer delta, FloatPointer col, FloatPointer dw, int from, int to, int o, int k,
      int p) {
    for (int i = from; i < to; i++) {
      openblas_nolapack.cblas_sgemm(ROW, N, T, o, k, p, 1f, at(delta, (long) i * o * p), p,
          at(col, (long) i * k * p), p, i == from ? 0f : 1f, dw, k);
    }
  }

  /** dcol_i = W^T delta_i (k x p) for each image i in [from, to): the input gradient before col2im. */
  static void columnGradient(FloatPointer w, FloatPointer delta, FloatPointer dcol, int from, int to, int o, int k,
      int p) {
    for (int i = from; i < to; i++) {
      openblas_nolapack.cblas_sgemm(ROW, T, N, k, p, o, 1f, w, k, at(delta, (long) i * o * p), p, 0f,
          at(dcol, (long) i * k * p), p);
    }
  }
}
