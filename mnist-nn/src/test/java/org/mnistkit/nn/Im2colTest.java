package org.mnistkit.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.convolution.Convolution;
import org.nd4j.linalg.factory.Nd4j;

/** Im2col's Java loops against libnd4j's im2col and col2im ops. */
class Im2colTest {

  @ParameterizedTest
  @CsvSource({
    // n, c, h, w, kh, kw, sh, sw, ph, pw
    "2, 3, 7, 6, 3, 3, 1, 1, 0, 0",
    "2, 2, 7, 6, 3, 2, 1, 1, 1, 0",
    "1, 2, 9, 9, 3, 3, 2, 2, 1, 1",
    "3, 1, 10, 8, 3, 3, 2, 3, 0, 2",
    "1, 1, 4, 4, 2, 2, 1, 1, 1, 1",
    // padding as wide as the kernel (whole rows of zeros), stride wider than the kernel (pixels no
    // column reads, which col2im must leave at 0), uneven padding
    "1, 2, 5, 5, 2, 2, 3, 3, 2, 2",
    "2, 1, 8, 7, 2, 2, 3, 3, 0, 0",
    "1, 1, 6, 5, 3, 3, 2, 1, 0, 2",
  })
  void matchesLibnd4j(int n, int c, int h, int w, int kh, int kw, int sh, int sw, int ph, int pw) {
    Nd4jRuntime.configure();
    int oh = (h + 2 * ph - kh) / sh + 1;
    int ow = (w + 2 * pw - kw) / sw + 1;
    Nd4jRuntime.seed(3);
    INDArray x = Nd4j.rand(DataType.FLOAT, n, c, h, w).addi(0.5);
    INDArray expected = Nd4j.create(DataType.FLOAT, n, c, kh, kw, oh, ow);
    Convolution.im2col(x, kh, kw, sh, sw, ph, pw, 1, 1, false, expected);
    // junk first: every element must be written
    INDArray col = Nd4j.valueArrayOf(new long[] {n, c, kh, kw, oh, ow}, Float.NaN, DataType.FLOAT);
    Im2col geometry = new Im2col(n, c, h, w, kh, kw, oh, ow, sh, sw, ph, pw);
    int half = n / 2; // in two ranges of images, the first one empty when n is 1
    geometry.im2col(DenseShape.pointer(x).asBuffer(), DenseShape.pointer(col).asBuffer(), 0, half);
    geometry.im2col(DenseShape.pointer(x).asBuffer(), DenseShape.pointer(col).asBuffer(), half, n);
    assertArrayEquals(flat(expected), flat(col));
    assertTrue(expected.amaxNumber().doubleValue() > 0.5, "non-trivial columns");

    INDArray grad = Nd4j.rand(DataType.FLOAT, n, c, kh, kw, oh, ow);
    INDArray expectedImage = Nd4j.create(DataType.FLOAT, n, c, h, w);
    Convolution.col2im(grad, expectedImage, sh, sw, ph, pw, h, w, 1, 1);
    INDArray image = Nd4j.valueArrayOf(new long[] {n, c, h, w}, Float.NaN, DataType.FLOAT);
    geometry.col2im(DenseShape.pointer(grad).asBuffer(), DenseShape.pointer(image).asBuffer(), 0, half);
    geometry.col2im(DenseShape.pointer(grad).asBuffer(), DenseShape.pointer(image).asBuffer(), half, n);
    float[] e = flat(expectedImage);
    float[] a = flat(image);
    assertEquals(e.length, a.length);
    for (int i = 0; i < e.length; i++) {
      assertEquals(e[i], a[i], 1e-6f * Math.max(1f, Math.abs(e[i])), "pixel " + i);
    }
  }

  private static float[] flat(INDArray a) {
    return Nd4j.toFlattened('c', a).toFloatVector();
  }
}
