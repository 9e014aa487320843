package org.mnistkit.core.idx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mnistkit.core.testing.TestAssertions.assertThrowsWithMessage;

import org.junit.jupiter.api.Test;
import org.mnistkit.core.tensor.FloatMatrix;

class IdxArrayTest {

  @Test
  void reshapeKeepsRowMajorOrderLikeArrayReshape() {
    IdxArray a = IdxArray.ofInts(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 2, 2, 3);
    IdxArray flat = a.reshape(2, -1);
    assertArrayEquals(new int[] {2, 6}, flat.shape());
    FloatMatrix m = flat.toFloatMatrix();
    assertEquals(5f, m.get(0, 5)); // image 0, row 1, col 2 -> column 1 * 3 + 2
    assertEquals(6f, m.get(1, 0));
  }

  @Test
  void reshapeRejectsWrongCounts() {
    IdxArray a = IdxArray.ofBytes(new byte[6], 6);
    assertThrowsWithMessage(IllegalArgumentException.class, () -> a.reshape(4, 2), "(6 elements)", "(8 elements)");
    assertThrowsWithMessage(IllegalArgumentException.class, () -> a.reshape(-1, -1), "only one dimension may be -1");
    assertThrowsWithMessage(IllegalArgumentException.class, () -> a.reshape(4, -1), "cannot reshape 6 elements");
  }

  @Test
  void factoriesValidateShape() {
    assertThrowsWithMessage(IllegalArgumentException.class, () -> IdxArray.ofFloats(new float[4], 2, 3),
        "needs 6 elements", "has 4");
    assertThrowsWithMessage(IllegalArgumentException.class, () -> IdxArray.ofFloats(new float[0], 0),
        "dimension 0 must be >= 1");
    assertThrowsWithMessage(IllegalArgumentException.class, () -> IdxArray.ofFloats(new float[0]),
        "rank must be in 1..255");
  }

  @Test
  void sliceAndSelectCopyAlongTheFirstAxis() {
    IdxArray a = IdxArray.ofUnsignedBytes(new byte[] {1, 2, 3, 4, 5, 6}, 3, 2);
    assertEquals(IdxArray.ofUnsignedBytes(new byte[] {3, 4}, 2), a.slice(1));
    assertEquals(IdxArray.ofUnsignedBytes(new byte[] {5, 6, 1, 2, 5, 6}, 3, 2), a.select(new int[] {2, 0, 2}));
    assertThrows(IndexOutOfBoundsException.class, () -> a.select(new int[] {3}));
  }

  @Test
  void integerAccessIsRefusedForFloats() {
    IdxArray f = IdxArray.ofFloats(new float[] {1.5f}, 1);
    assertThrowsWithMessage(IllegalStateException.class, f::toIntArray, "float (0x0D)");
    assertEquals(1.5, f.getDouble(0));
    assertThrowsWithMessage(IllegalStateException.class, () -> IdxArray.ofInts(new int[3], 3).toFloatMatrix(),
        "rank-2", "reshape(n, -1)");
  }
}
