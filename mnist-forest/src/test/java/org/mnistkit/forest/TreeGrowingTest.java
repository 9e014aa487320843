package org.mnistkit.forest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mnistkit.core.tensor.FloatMatrix;

class TreeGrowingTest {

  @Test
  void perfectSplitOnTheInformativeFeatureAtTheMidpoint() {
    FloatMatrix x = FloatMatrix.of(new float[][] {
        {1, 3}, {2, 1}, {3, 4}, {4, 1}, {5, 5}, {6, 9}});
    int[] y = {0, 0, 0, 1, 1, 1};
    RandomForestModel model = Fixtures.exact(2).build().fit(x, y);
    Tree tree = model.tree(0);
    assertEquals(3, tree.numNodes());
    assertEquals(0, tree.feature(0));
    assertEquals(3.5f, tree.threshold(0));
    assertTrue(tree.isLeaf(1));
    assertTrue(tree.isLeaf(2));
    assertEquals(0, tree.leafClass(1));
    assertEquals(1, tree.leafClass(2));
    assertEquals(3, tree.count(1));
    assertEquals(3, tree.count(2));
    // Gini decrease (9/3 + 9/3) - (9 + 9)/6 = 3 on feature 0, nothing on feature 1.
    assertArrayEquals(new double[] {3.0, 0.0}, model.importance().meanDecreaseGini(), 1e-12);
  }

  @Test
  void bestGiniThresholdAmongImpureCandidatesAndPureNodesBecomeLeaves() {
    FloatMatrix x = FloatMatrix.of(new float[][] {{1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}});
    int[] y = {0, 0, 1, 0, 1, 1, 1, 1};
    RandomForestModel model = Fixtures.exact(1).build().fit(x, y);
    Tree tree = model.tree(0);
    // Candidates: after 4 gives (9+1)/4 + 16/4 = 6.5, the largest (after 2: 6.33, after 1: 6.29).
    assertEquals(4.5f, tree.threshold(0));
    int right = tree.left(0) + 1;
    assertTrue(tree.isLeaf(right), "the pure right child {5..8} is a leaf");
    assertEquals(4, tree.count(right));
    // With pure leaves the decreases add up to n * Gini(root) = 8 - (9 + 25) / 8.
    assertEquals(3.75, model.importance().meanDecreaseGini()[0], 1e-12);
    for (int i = 0; i < tree.numNodes(); i++) {
      if (!tree.isLeaf(i)) {
        assertTrue(tree.count(i) > 1, "only nodes with 2+ rows are split");
      }
    }
    assertArrayEquals(y, model.predict(x), "a full tree fits its training rows");
  }

  @Test
  void nodeSizeIsRespected() {
    Fixtures.Data d = Fixtures.noise(300, 4, 3, 7);
    RandomForestModel model = RandomForest.builder().trees(5).nodeSize(10).threads(1).build()
        .fit(d.x(), d.y());
    for (int t = 0; t < model.numTrees(); t++) {
      Tree tree = model.tree(t);
      boolean smallLeaf = false;
      for (int i = 0; i < tree.numNodes(); i++) {
        if (tree.isLeaf(i)) {
          smallLeaf |= tree.count(i) <= 10;
        } else {
          assertTrue(tree.count(i) > 10, "node " + i + " of size " + tree.count(i) + " was split");
          assertEquals(tree.count(i), tree.count(tree.left(i)) + tree.count(tree.left(i) + 1));
        }
      }
      assertTrue(smallLeaf);
    }
  }

  @Test
  void maxDepthIsRespected() {
    Fixtures.Data d = Fixtures.noise(300, 4, 3, 8);
    RandomForestModel model = RandomForest.builder().trees(3).maxDepth(3).threads(1).build()
        .fit(d.x(), d.y());
    for (int t = 0; t < model.numTrees(); t++) {
      int[] depth = Fixtures.depths(model.tree(t));
      assertEquals(3, Arrays.stream(depth).max().getAsInt());
    }
  }

  @Test
  void constantFeaturesGiveSingleLeafTreesWithoutHanging() {
    FloatMatrix x = FloatMatrix.zeros(50, 4);
    int[] y = new int[50];
    for (int i = 0; i < 50; i++) {
      y[i] = i < 30 ? 1 : 0;
    }
    RandomForestModel model = RandomForest.builder().trees(20).threads(1).build().fit(x, y);
    for (int t = 0; t < model.numTrees(); t++) {
      assertEquals(1, model.numNodes(t));
    }
    assertArrayEquals(new double[4], model.importance().meanDecreaseGini());
    int[] predicted = model.predict(FloatMatrix.zeros(3, 4));
    assertArrayEquals(new int[] {1, 1, 1}, predicted, "bootstrap majorities are mostly class 1");
  }

  @Test
  void constantFeaturesNextToAnInformativeOne() {
    Fixtures.Data d = Fixtures.informativeFirst(100, 1, 2, 3);
    float[] data = new float[100 * 3];
    for (int i = 0; i < 100; i++) {
      data[i * 3] = 7f;
      data[i * 3 + 1] = d.x().get(i, 0);
      data[i * 3 + 2] = -1f;
    }
    FloatMatrix x = FloatMatrix.wrap(100, 3, data);
    RandomForestModel model = RandomForest.builder().trees(10).mtry(3).threads(1).build()
        .fit(x, d.y());
    assertArrayEquals(d.y(), model.predict(x));
    assertEquals(0.0, model.oobError());
    double[] gini = model.importance().meanDecreaseGini();
    assertEquals(0.0, gini[0]);
    assertEquals(0.0, gini[2]);
    assertTrue(gini[1] > 0);
  }

  @Test
  void singleClassPredictsThatClass() {
    Fixtures.Data d = Fixtures.noise(20, 3, 1, 4);
    int[] y = new int[20];
    Arrays.fill(y, 4);
    RandomForestModel model = RandomForest.builder().trees(10).importance(true).threads(1)
        .build().fit(d.x(), y);
    assertArrayEquals(new int[] {4}, model.classes());
    assertArrayEquals(new int[] {4, 4, 4}, model.predict(d.x().rowRange(0, 3)));
    assertEquals(1.0f, model.predictProba(d.x()).get(5, 0));
    assertEquals(0.0, model.oobError());
    assertArrayEquals(new double[3], model.importance().meanDecreaseAccuracy(false));
    assertTrue(model.toString().contains("OOB estimate of  error rate: 0%"));
  }

  @Test
  void classesMissingFromABootstrapSampleStayInTheOutputs() {
    Fixtures.Data d = Fixtures.informativeFirst(30, 2, 2, 5);
    int[] y = d.y().clone();
    y[0] = 2; // one row of class 2
    RandomForestModel model = RandomForest.builder().trees(40).threads(1).build()
        .fit(d.x(), y, new int[] {0, 1, 2, 3});
    boolean missing = false;
    for (int t = 0; t < model.numTrees(); t++) {
      missing |= model.inBagCounts(t)[0] == 0;
    }
    assertTrue(missing, "some bootstrap sample lacks class 2");
    FloatMatrix proba = model.predictProba(d.x());
    assertEquals(4, proba.cols());
    for (int i = 0; i < proba.rows(); i++) {
      assertEquals(0f, proba.get(i, 3), "class 3 never occurs");
      float sum = 0;
      for (int c = 0; c < 4; c++) {
        sum += proba.get(i, c);
      }
      assertEquals(1f, sum, 1e-6f);
    }
    assertEquals(4, model.oobConfusionMatrix().numClasses());
  }

  @Test
  void labelsCanBeAnyInts() {
    Fixtures.Data d = Fixtures.informativeFirst(60, 2, 2, 6);
    int[] y = Arrays.stream(d.y()).map(c -> c == 0 ? -5 : 100).toArray();
    RandomForestModel model = RandomForest.builder().trees(15).threads(1).build().fit(d.x(), y);
    assertArrayEquals(new int[] {-5, 100}, model.classes());
    assertArrayEquals(y, model.predict(d.x()));
    assertFalse(model.toString().isEmpty());
  }
}
