package org.mnistkit.core.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mnistkit.core.testing.TestAssertions.assertThrowsWithMessage;

import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;

class FloatMatrixTest {

  private final FloatMatrix m = FloatMatrix.of(new float[][] {{1, 2, 3}, {4, 5, 6}});

  @Test
  void rowViewsShareTheData() {
    FloatBuffer row = m.row(1);
    assertEquals(3, row.remaining());
    assertEquals(4f, row.get(0));
    row.put(2, 60f);
    assertEquals(60f, m.get(1, 2));
    assertEquals(3, m.rowOffset(1));
  }

  @Test
  void wrapSharesAndValidates() {
    float[] data = new float[6];
    FloatMatrix w = FloatMatrix.wrap(2, 3, data);
    assertSame(data, w.data());
    assertThrowsWithMessage(IllegalArgumentException.class, () -> FloatMatrix.wrap(2, 4, data),
        "2 x 4 matrix needs 8 values", "has 6");
    assertThrowsWithMessage(IllegalArgumentException.class, () -> FloatMatrix.of(new float[][] {{1}, {1, 2}}),
        "row 1 has 2 values");
  }

  @Test
  void selectRowsRangeAndReshape() {
    assertEquals(FloatMatrix.of(new float[][] {{4, 5, 6}, {1, 2, 3}, {4, 5, 6}}), m.selectRows(new int[] {1, 0, 1}));
    assertEquals(FloatMatrix.of(new float[][] {{4, 5, 6}}), m.rowRange(1, 2));
    assertArrayEquals(new int[] {3, 2}, m.reshape(3, 2).shape());
    assertEquals(3f, m.reshape(3, 2).get(1, 0));
    assertThrows(IndexOutOfBoundsException.class, () -> m.selectRows(new int[] {2}));
    assertEquals(FloatMatrix.of(new float[][] {{3, 1}, {6, 4}}), m.selectColumns(2, 0));
    assertThrows(IndexOutOfBoundsException.class, () -> m.selectColumns(3));
  }

  @Test
  void argmaxAndScaling() {
    FloatMatrix p = FloatMatrix.of(new float[][] {{0.1f, 0.7f, 0.2f}, {0.5f, 0.5f, 0f}});
    assertArrayEquals(new int[] {1, 0}, p.argmaxRows()); // first index wins a tie
    FloatMatrix c = FloatMatrix.of(new float[][] {{255, 0, 51}});
    c.divideInPlace(255f);
    assertArrayEquals(new float[] {1f, 0f, 0.2f}, c.data());
    assertThrowsWithMessage(IllegalArgumentException.class, () -> c.divideInPlace(0f), "non-zero");
  }

  @Test
  void requireFiniteNamesThePosition() {
    FloatMatrix bad = FloatMatrix.of(new float[][] {{1, 2}, {3, Float.NaN}});
    assertEquals(3, bad.indexOfNonFinite());
    assertThrowsWithMessage(IllegalArgumentException.class, () -> bad.requireFinite("x"),
        "x has a non-finite value NaN at row 1, column 1");
    assertEquals(-1, m.indexOfNonFinite());
  }
}
