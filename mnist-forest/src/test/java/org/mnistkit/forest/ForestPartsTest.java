package org.mnistkit.forest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.mnistkit.core.tensor.FloatMatrix;

class ForestPartsTest {

  /** n x p values on a grid of 12 levels per feature, class driven by the first features. */
  private static FloatMatrix gridData(int n, int p, int[] y, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[n * p];
    for (int i = 0; i < n; i++) {
      y[i] = r.nextInt(3) * 2 + 1; // classes 1, 3, 5
      for (int f = 0; f < p; f++) {
        int level = r.nextInt(12);
        if (f < 3) {
          level = Math.min(11, level / 3 + y[i]);
        }
        x[i * p + f] = level / 11f;
      }
    }
    return FloatMatrix.wrap(n, p, x);
  }

  private static ForestParts.BinnedData bin(FloatMatrix x, int[] y, int[] classes) {
    int n = x.rows();
    int p = x.cols();
    float[][] values = new float[p][];
    for (int f = 0; f < p; f++) {
      TreeSet<Float> set = new TreeSet<>();
      for (int i = 0; i < n; i++) {
        set.add(x.get(i, f));
      }
      values[f] = new float[set.size()];
      int b = 0;
      for (float v : set) {
        values[f][b++] = v;
      }
    }
    byte[] codes = new byte[n * p];
    for (int i = 0; i < n; i++) {
      for (int f = 0; f < p; f++) {
        codes[i * p + f] = ForestParts.code(values[f], x.get(i, f));
      }
    }
    return ForestParts.binned(codes, n, p, values, y, classes);
  }

  @Test
  void partsAssembleIntoTheLocalForest() {
    int n = 150;
    int p = 10;
    int[] y = new int[n];
    FloatMatrix x = gridData(n, p, y, 7);
    int[] classes = {1, 3, 5};
    RandomForest settings = RandomForest.builder().trees(9).seed(42).nodeSize(2).build();
    RandomForestModel local = settings.fit(x, y, classes);
    ForestParts.BinnedData data = bin(x, y, classes);
    List<ForestParts.TreeRange> parts = new ArrayList<>(List.of(
        ForestParts.grow(settings, data, 5, 9), ForestParts.grow(settings, data, 0, 1),
        ForestParts.grow(settings, data, 1, 5)));
    RandomForestModel assembled = ForestParts.assemble(settings, data, parts, 0.5);

    assertSameForest(local, assembled, x);
    assertEquals(n, assembled.provenance().dataShape()[0]);
  }

  /** Asserts that two forests have the same trees, votes, importance and settings. */
  static void assertSameForest(RandomForestModel expected, RandomForestModel actual,
      FloatMatrix x) {
    assertArrayEquals(expected.predict(x), actual.predict(x));
    assertArrayEquals(expected.predictProba(x, 1).data(), actual.predictProba(x, 1).data());
    assertArrayEquals(expected.classes(), actual.classes());
    for (int t = 0; t < expected.settings().trees(); t++) {
      assertArrayEquals(expected.predictTree(t, x), actual.predictTree(t, x), "tree " + t);
      assertEquals(expected.numNodes(t), actual.numNodes(t));
      assertArrayEquals(expected.inBagCounts(t), actual.inBagCounts(t));
    }
    assertEquals(expected.oobError(), actual.oobError());
    assertArrayEquals(expected.oobVotes().data(), actual.oobVotes().data());
    assertArrayEquals(expected.importance().meanDecreaseGini(),
        actual.importance().meanDecreaseGini(), 1e-12);
    assertEquals(expected.settings(), actual.settings());
  }

  @Test
  void rejectsGapsImportanceAndBadCodes() {
    int[] y = new int[20];
    FloatMatrix x = gridData(20, 4, y, 1);
    ForestParts.BinnedData data = bin(x, y, new int[] {1, 3, 5});
    RandomForest settings = RandomForest.builder().trees(4).build();
    IllegalArgumentException gap = assertThrows(IllegalArgumentException.class,
        () -> ForestParts.assemble(settings, data,
            List.of(ForestParts.grow(settings, data, 0, 2)), 0));
    assertEquals("the parts cover trees 0..1 but the forest has 4 trees", gap.getMessage());
    IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
        () -> ForestParts.grow(settings, data, 3, 5));
    assertEquals("tree range [3, 5) must be non-empty and inside [0, 4)", range.getMessage());
    IllegalArgumentException imp = assertThrows(IllegalArgumentException.class,
        () -> ForestParts.grow(settings.toBuilder().importance(true).build(), data, 0, 1));
    assertEquals("permutation importance is not computed when a forest is grown in parts; "
        + "build the settings with importance(false)", imp.getMessage());
    float[][] values = {{0f, 1f}};
    IllegalArgumentException code = assertThrows(IllegalArgumentException.class,
        () -> ForestParts.binned(new byte[] {0, 2}, 2, 1, values, new int[] {0, 1},
            new int[] {0, 1}));
    assertEquals("code 2 of row 1, feature 0 is not below its 2 values", code.getMessage());
    IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
        () -> ForestParts.binned(new byte[] {0, 1}, 2, 1, new float[][] {{1f, 0f}},
            new int[] {0, 1}, new int[] {0, 1}));
    assertEquals("values of feature 0 must be finite, strictly increasing and without -0.0: "
        + Arrays.toString(new float[] {1f, 0f}), order.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ForestParts.code(values[0], 0.5f));
  }
}
