package org.mnistkit.core.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.mnistkit.core.testing.TestAssertions.assertThrowsWithMessage;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CategoricalAndSamplingTest {

  @Test
  void toCategoricalIsOneHot() {
    FloatMatrix y = Categorical.toCategorical(new int[] {2, 0, 1}, 3);
    assertEquals(FloatMatrix.of(new float[][] {{0, 0, 1}, {1, 0, 0}, {0, 1, 0}}), y);
    assertArrayEquals(new int[] {2, 0, 1}, Categorical.fromCategorical(y));
  }

  @Test
  void toCategoricalRejectsOutOfRangeLabelsNamingTheFirst() {
    assertThrowsWithMessage(IllegalArgumentException.class,
        () -> Categorical.toCategorical(new int[] {0, 9, 10, -1}, 10), "label at index 2 is 10", "0..9");
    assertThrowsWithMessage(IllegalArgumentException.class,
        () -> Categorical.toCategorical(new int[] {0, -1}, 10), "label at index 1 is -1");
    assertThrowsWithMessage(IllegalArgumentException.class, () -> Categorical.toCategorical(new int[0], 0),
        "numClasses must be >= 1, got 0");
  }

  @Test
  void samplingIsDistinctSeededAndInRange() {
    int[] a = Sampling.sampleWithoutReplacement(60000, 3000, 123);
    int[] b = Sampling.sampleWithoutReplacement(60000, 3000, 123);
    int[] c = Sampling.sampleWithoutReplacement(60000, 3000, 124);
    assertArrayEquals(a, b);
    assertNotEquals(Arrays.toString(a), Arrays.toString(c));
    assertEquals(3000, Arrays.stream(a).distinct().count());
    assertEquals(true, Arrays.stream(a).allMatch(i -> i >= 0 && i < 60000));
    int[] all = Sampling.sampleWithoutReplacement(5, 5, 1);
    Arrays.sort(all);
    assertArrayEquals(new int[] {0, 1, 2, 3, 4}, all);
    assertThrowsWithMessage(IllegalArgumentException.class, () -> Sampling.sampleWithoutReplacement(5, 6, 1),
        "must be in 0..5", "got 6");
  }
}
