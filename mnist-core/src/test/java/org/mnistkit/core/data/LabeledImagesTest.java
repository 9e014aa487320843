package org.mnistkit.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mnistkit.core.testing.TestAssertions.assertThrowsWithMessage;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mnistkit.core.idx.IdxArray;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.core.testing.IdxFixtures;

class LabeledImagesTest {

  private final LabeledImages split = new LabeledImages(IdxFixtures.images(5, 4, 3),
      new int[] {0, 1, 2, 1, 0}, 3);

  @Test
  void reshapeIsRowMajorAndScalingDividesBy255() {
    FloatMatrix raw = split.toMatrix();
    assertArrayEquals(new int[] {5, 12}, raw.shape());
    // pixel (r, c) of image i is (i * 31 + r * 3 + c) mod 256 and lands in column r * 3 + c
    assertEquals((2 * 31 + 3 * 3 + 1) % 256, raw.get(2, 3 * 3 + 1));
    FloatMatrix scaled = split.toScaledMatrix();
    assertEquals(raw.get(4, 11) / 255f, scaled.get(4, 11));
    for (float v : scaled.data()) {
      assertEquals(true, v >= 0f && v <= 1f);
    }
  }

  @Test
  void subsetSampleAndCounts() {
    LabeledImages s = split.subset(new int[] {3, 1});
    assertArrayEquals(new int[] {1, 1}, s.labels());
    assertEquals(split.image(3), s.image(0));
    assertArrayEquals(new int[] {2, 2, 1}, split.labelCounts());
    LabeledImages sample = split.sample(3, 7);
    assertEquals(3, sample.size());
    assertEquals(sample.toMatrix(), split.sample(3, 7).toMatrix());
    assertArrayEquals(new int[] {2, 4, 3}, split.head(2).shape());
    assertArrayEquals(new int[] {0, 1}, split.head(2).labels());
  }

  @Test
  void oneHotRowsSumToOne() {
    FloatMatrix y = split.toCategorical();
    assertArrayEquals(new int[] {5, 3}, y.shape());
    for (int r = 0; r < 5; r++) {
      float sum = 0;
      for (int c = 0; c < 3; c++) {
        sum += y.get(r, c);
      }
      assertEquals(1f, sum);
      assertEquals(1f, y.get(r, split.label(r)));
    }
  }

  @Test
  void validatesItsParts() {
    IdxArray images = IdxFixtures.images(2, 2, 2);
    assertThrowsWithMessage(IllegalArgumentException.class, () -> new LabeledImages(images, new int[] {0}, 10),
        "2 images but 1 labels");
    assertThrowsWithMessage(IllegalArgumentException.class, () -> new LabeledImages(images, new int[] {0, 10}, 10),
        "label at index 1 is 10", "0..9");
    assertThrowsWithMessage(IllegalArgumentException.class,
        () -> new LabeledImages(IdxArray.ofFloats(new float[8], 2, 2, 2), new int[] {0, 1}, 10), "rank-3 ubyte");
    assertEquals("LabeledImages[5 x 4 x 3, 3 classes]", split.toString());
    assertEquals(true, Arrays.equals(new int[] {5, 4, 3}, split.shape()));
  }
}
