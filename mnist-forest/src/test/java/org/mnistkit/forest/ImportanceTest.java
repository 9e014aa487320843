package org.mnistkit.forest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mnistkit.core.tensor.FloatMatrix;

class ImportanceTest {

  @Test
  void theInformativeFeatureRanksAboveNoise() {
    Fixtures.Data d = Fixtures.informativeFirst(300, 6, 3, 17);
    RandomForestModel model = RandomForest.builder().trees(60).importance(true).threads(2)
        .build().fit(d.x(), d.y());
    Importance imp = model.importance();
    assertTrue(imp.hasPermutation());
    assertEquals(6, imp.numFeatures());
    assertEquals(0, Importance.ranking(imp.meanDecreaseGini())[0]);
    assertEquals(0, Importance.ranking(imp.meanDecreaseAccuracy())[0]);
    assertEquals(0, Importance.ranking(imp.meanDecreaseAccuracy(false))[0]);
    double[] raw = imp.meanDecreaseAccuracy(false);
    assertTrue(raw[0] > 0.15, "permuting the label-defining feature costs accuracy: " + raw[0]);
    for (int f = 1; f < 6; f++) {
      assertTrue(Math.abs(raw[f]) < 0.05, "noise feature " + f + ": " + raw[f]);
      assertTrue(raw[0] > 5 * Math.abs(raw[f]));
    }
    for (int c = 0; c < 3; c++) {
      assertEquals(0, Importance.ranking(imp.classDecreaseAccuracy(c, true))[0], "class " + c);
      assertTrue(imp.classDecreaseAccuracySd(c)[0] > 0);
    }
    double[] sd = imp.meanDecreaseAccuracySd();
    assertEquals(raw[0] / sd[0], imp.meanDecreaseAccuracy()[0], 1e-12);
    assertTrue(imp.summary(3).startsWith(
        " feature MeanDecreaseGini MeanDecreaseAccuracy\n       0 "));
  }

  @Test
  void aFeatureNoTreeUsesHasZeroImportance() {
    Fixtures.Data d = Fixtures.clusters(150, 3, 2);
    float[] data = new float[150 * 4];
    for (int i = 0; i < 150; i++) {
      for (int f = 0; f < 3; f++) {
        data[i * 4 + f] = d.x().get(i, f);
      }
      data[i * 4 + 3] = 1f; // constant
    }
    RandomForestModel model = RandomForest.builder().trees(20).importance(true).threads(1)
        .build().fit(FloatMatrix.wrap(150, 4, data), d.y());
    Importance imp = model.importance();
    assertEquals(0.0, imp.meanDecreaseGini()[3]);
    assertEquals(0.0, imp.meanDecreaseAccuracy(false)[3]);
    assertEquals(0.0, imp.meanDecreaseAccuracySd()[3]);
    assertEquals(0.0, imp.meanDecreaseAccuracy()[3], "0 / SD below epsilon divides by 1");
  }

  @Test
  void oneTreeHasZeroStandardErrorAndWholeRowDecreases() {
    Fixtures.Data d = Fixtures.clusters(200, 4, 12);
    RandomForestModel model = RandomForest.builder().trees(1).importance(true).threads(1)
        .build().fit(d.x(), d.y());
    int nOob = 0;
    for (int c : model.inBagCounts(0)) {
      nOob += c == 0 ? 1 : 0;
    }
    Importance imp = model.importance();
    assertArrayEquals(new double[4], imp.meanDecreaseAccuracySd());
    assertArrayEquals(imp.meanDecreaseAccuracy(false), imp.meanDecreaseAccuracy(true));
    boolean nonZero = false;
    for (double v : imp.meanDecreaseAccuracy(false)) {
      double rows = v * nOob;
      assertEquals(Math.rint(rows), rows, 1e-9, "a whole number of OOB rows changed");
      nonZero |= v != 0;
    }
    assertTrue(nonZero);
  }

  @Test
  void permutationMeasuresNeedImportanceOn() {
    Fixtures.Data d = Fixtures.clusters(60, 3, 1);
    Importance imp = RandomForest.builder().trees(5).threads(1).build().fit(d.x(), d.y())
        .importance();
    assertFalse(imp.hasPermutation());
    assertEquals(3, imp.meanDecreaseGini().length);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        imp::meanDecreaseAccuracy);
    assertEquals("permutation importance was not computed; fit with "
        + "RandomForest.builder().importance(true)", e.getMessage());
    assertTrue(imp.summary(2).startsWith(" feature MeanDecreaseGini\n"));
  }
}
