package org.mnistkit.forest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CodeTreeTest {

  /** Grows one bootstrap tree with the trainer's own pieces. */
  private static Tree grow(FeatureBins bins, int[] y, int k, long seed) {
    TreeGrower grower = new TreeGrower(bins, y, k, 2, 1, Integer.MAX_VALUE);
    int n = bins.rows();
    return grower.grow(Bootstrap.inBagCounts(n, n, true, seed), new SplittableRandom(seed),
        new double[bins.cols()]);
  }

  @Test
  void walkingCodesGivesTheSamePredictionsAndImportanceAsWalkingValues() {
    Fixtures.Data d = Fixtures.clusters(200, 5, 40); // 200 rows: every feature is exact
    FeatureBins bins = FeatureBins.of(d.x(), 1);
    Tree tree = grow(bins, d.y(), 3, 1);
    CodeTree codeTree = CodeTree.of(tree, bins);
    assertNotNull(codeTree);
    int n = 200;
    int[] inBag = Bootstrap.inBagCounts(n, n, true, 1);
    int[] oob = new int[n];
    int[] pred = new int[n];
    int nOob = 0;
    for (int i = 0; i < n; i++) {
      int byValue = tree.predict(d.x().data(), i * 5);
      assertEquals(byValue, codeTree.predict(bins.chunkOf(i), bins.offsetOf(i)), "row " + i);
      if (inBag[i] == 0) {
        oob[nOob] = i;
        pred[nOob++] = byValue;
      }
    }
    PermutationImportance pi = new PermutationImportance(d.x().data(), bins, d.y(), 3);
    PermutationImportance.Result byCodes =
        pi.compute(tree, codeTree, oob, pred, nOob, new SplittableRandom(9));
    PermutationImportance.Result byValues =
        pi.compute(tree, null, oob, pred, nOob, new SplittableRandom(9));
    assertArrayEquals(byValues.features(), byCodes.features());
    assertArrayEquals(byValues.diffs(), byCodes.diffs());
    assertEquals(nOob, byCodes.nOut());
  }

  @Test
  void noCodeViewWhenASplitFeatureIsBinned() {
    Fixtures.Data d = Fixtures.noise(600, 2, 2, 3); // 600 distinct values: quantile bins
    FeatureBins bins = FeatureBins.of(d.x(), 1);
    Tree tree = grow(bins, d.y(), 2, 2);
    assertNull(CodeTree.of(tree, bins));
  }
}
