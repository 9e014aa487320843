package org.mnistkit.nn;

import java.nio.FloatBuffer;

/**
 * im2col and col2im over dense NCHW float memory, in plain Java loops on the calling thread, for
 * dilation 1. libnd4j's ops (1.0.0-M2.1) compute every element's offset through generic shape
 * arithmetic: on the MNIST convnet's second layer (128 x 32 x 13 x 13, 3x3) they took about 14 ms
 * and 16 ms per call, several times these loops, which copy whole output rows where the stride is 1.
 *
 * <p>Layouts: the image x is [n, c, h, w]; the column array col is [n, c, kh, kw, oh, ow] (libnd4j's
 * im2col layout), so that each image's col block is a (c kh kw) x (oh ow) matrix. Position (oy, ox)
 * of kernel offset (ky, kx) reads x at (oy sh - ph + ky, ox sw - pw + kx), zero outside the image;
 * ph and pw are the top and left padding (bottom and right padding follow from the output size).
 *
 * @param n images
 * @param c channels
 * @param h image height
 * @param w image width
 * @param kh kernel height
 * @param kw kernel width
 * @param oh output height
 * @param ow output width
 * @param sh vertical stride
 * @param sw horizontal stride
 * @param ph top padding
 * @param pw left padding
 */
record Im2col(int n, int c, int h, int w, int kh, int kw, int oh, int ow, int sh, int sw, int ph, int pw) {

  /** Fills images [from, to) of col from x; every element of theirs is written. */
  void im2col(FloatBuffer x, FloatBuffer col, int from, int to) {
    int d = from * c * kh * kw * oh * ow;
    for (int img = from * c; img < to * c; img++) {
      int plane = img * h * w;
      for (int ky = 0; ky < kh; ky++) {
        for (int kx = 0; kx < kw; kx++) {
          int lo = Math.min(ow, firstInside(kx, pw, sw));
          int hi = endInside(kx, pw, sw, w);
          for (int oy = 0; oy < oh; oy++, d += ow) {
            int iy = oy * sh - ph + ky;
            if (iy < 0 || iy >= h || lo >= hi) {
              zero(col, d, ow);
              continue;
            }
            int row = plane + iy * w - pw + kx;
            zero(col, d, lo);
            if (sw == 1) {
              col.put(d + lo, x, row + lo, hi - lo);
            } else {
              for (int ox = lo; ox < hi; ox++) {
                col.put(d + ox, x.get(row + ox * sw));
              }
            }
            zero(col, d + hi, ow - hi);
          }
        }
      }
    }
  }

  /**
   * Overwrites images [from, to) of x with the sum, over kernel offsets, of the col entries that
   * read each pixel.
   */
  void col2im(FloatBuffer col, FloatBuffer x, int from, int to) {
    int s = from * c * kh * kw * oh * ow;
    for (int img = from * c; img < to * c; img++) {
      int plane = img * h * w;
      zero(x, plane, h * w);
      for (int ky = 0; ky < kh; ky++) {
        for (int kx = 0; kx < kw; kx++) {
          int lo = Math.min(ow, firstInside(kx, pw, sw));
          int hi = endInside(kx, pw, sw, w);
          for (int oy = 0; oy < oh; oy++, s += ow) {
            int iy = oy * sh - ph + ky;
            if (iy < 0 || iy >= h) {
              continue;
            }
            int row = plane + iy * w - pw + kx;
            for (int ox = lo; ox < hi; ox++) {
              int at = row + ox * sw;
              x.put(at, x.get(at) + col.get(s + ox));
            }
          }
        }
      }
    }
  }

  /** @return the first ox with ox sw - pw + kx &gt;= 0 */
  private static int firstInside(int kx, int pw, int sw) {
    int need = pw - kx;
    return need <= 0 ? 0 : (need + sw - 1) / sw;
  }

  /** @return one past the last ox (at most ow) with ox sw - pw + kx &lt; w */
  private int endInside(int kx, int pw, int sw, int w) {
    int limit = w + pw - kx; // ox sw < limit
    int end = limit <= 0 ? 0 : (limit + sw - 1) / sw;
    return Math.min(ow, Math.max(end, 0));
  }

  private static void zero(FloatBuffer b, int from, int len) {
    for (int i = 0; i < len; i++) {
      b.put(from + i, 0f);
    }
  }
}
