package org.mnistkit.forest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mnistkit.core.metrics.ConfusionMatrix;
import org.mnistkit.core.metrics.Metrics;
import org.mnistkit.core.model.ClassificationReport;
import org.mnistkit.core.model.Classifier;
import org.mnistkit.core.tensor.FloatMatrix;

class ForestModelTest {

  @Test
  void theForestIsTheSameForOneThreadAndForEight() {
    Fixtures.Data d = Fixtures.clusters(300, 12, 21);
    RandomForest.Builder b = RandomForest.builder().trees(40).mtry(3).seed(99).importance(true);
    RandomForestModel one = b.threads(1).build().fit(d.x(), d.y());
    RandomForestModel eight = b.threads(8).build().fit(d.x(), d.y());
    for (int t = 0; t < one.numTrees(); t++) {
      assertArrayEquals(one.tree(t).nodes(), eight.tree(t).nodes(), "tree " + t);
      assertArrayEquals(one.tree(t).counts(), eight.tree(t).counts(), "tree " + t);
    }
    assertEquals(one.oobError(), eight.oobError());
    assertEquals(one.importance(), eight.importance());
    assertEquals(one.predictProba(d.x()), eight.predictProba(d.x()));
    RandomForestModel otherSeed = b.seed(100).threads(2).build().fit(d.x(), d.y());
    assertTrue(otherSeed.tree(0).numNodes() != one.tree(0).numNodes()
        || !java.util.Arrays.equals(otherSeed.tree(0).nodes(), one.tree(0).nodes()));
  }

  @Test
  void oobErrorEqualsTheErrorOfOobVotesCountedByHand() {
    Fixtures.Data d = Fixtures.clusters(90, 4, 5);
    RandomForestModel model = RandomForest.builder().trees(15).mtry(2).seed(3).threads(2).build()
        .fit(d.x(), d.y());
    int n = d.x().rows();
    int[][] votes = new int[n][3];
    for (int t = 0; t < model.numTrees(); t++) {
      int[] inBag = model.inBagCounts(t);
      int[] pred = model.predictTree(t, d.x());
      int drawn = 0;
      for (int i = 0; i < n; i++) {
        drawn += inBag[i];
        if (inBag[i] == 0) {
          votes[i][pred[i]]++;
        }
      }
      assertEquals(n, drawn, "a bootstrap sample has n draws");
    }
    int rows = 0;
    int wrong = 0;
    int[] truth = new int[n];
    int[] predicted = new int[n];
    for (int i = 0; i < n; i++) {
      int best = 0;
      for (int c = 1; c < 3; c++) {
        if (votes[i][c] > votes[i][best]) {
          best = c;
        }
      }
      if (votes[i][best] > 0) {
        truth[rows] = d.y()[i];
        predicted[rows] = best;
        wrong += best != d.y()[i] ? 1 : 0;
        rows++;
      }
    }
    assertTrue(rows > 80 && wrong > 0, "a meaningful check: " + rows + " rows, " + wrong + " wrong");
    assertEquals((double) wrong / rows, model.oobError());
    assertEquals(ConfusionMatrix.of(java.util.Arrays.copyOf(truth, rows),
        java.util.Arrays.copyOf(predicted, rows), 3), model.oobConfusionMatrix());
    FloatMatrix shares = model.oobVotes();
    int i = 7;
    int total = votes[i][0] + votes[i][1] + votes[i][2];
    assertEquals((float) votes[i][1] / total, shares.get(i, 1), 1e-6f);
  }

  @Test
  void votesAreTheTreesPredictionsAndPredictIsTheirMajority() {
    Fixtures.Data d = Fixtures.clusters(120, 5, 9);
    Fixtures.Data test = Fixtures.clusters(37, 5, 10);
    RandomForestModel model = RandomForest.builder().trees(11).threads(2).build()
        .fit(d.x(), d.y());
    int[] votes = model.votes(test.x());
    int[] expected = new int[37 * 3];
    for (int t = 0; t < model.numTrees(); t++) {
      int[] pred = model.predictTree(t, test.x());
      for (int i = 0; i < 37; i++) {
        expected[i * 3 + pred[i]]++;
      }
    }
    assertArrayEquals(expected, votes);
    int[] predicted = model.predict(test.x());
    FloatMatrix proba = model.predictProba(test.x());
    for (int i = 0; i < 37; i++) {
      int best = 0;
      for (int c = 1; c < 3; c++) {
        if (expected[i * 3 + c] > expected[i * 3 + best]) {
          best = c;
        }
      }
      assertEquals(best, predicted[i]);
      assertEquals(expected[i * 3 + 2] / 11f, proba.get(i, 2), 1e-6f);
    }
    assertTrue(Metrics.accuracy(test.y(), predicted) > 0.8);
  }

  @Test
  void theClassifierContract() {
    Fixtures.Data d = Fixtures.clusters(150, 4, 12);
    Fixtures.Data test = Fixtures.clusters(45, 4, 13);
    Classifier model = RandomForest.builder().trees(9).seed(6).threads(2).build()
        .fit(d.x(), d.y(), new int[] {2, 0, 1});
    RandomForestModel forest = (RandomForestModel) model;
    assertArrayEquals(new int[] {2, 0, 1}, model.classes());
    assertEquals(3, model.numClasses());
    assertEquals(4, model.numFeatures());
    FloatMatrix proba = model.predictProba(test.x(), 1);
    assertEquals(model.predictProba(test.x()), proba);
    assertArrayEquals(new int[] {45, 3}, proba.shape());
    for (int i = 0; i < 45; i++) {
      assertEquals(1f, proba.get(i, 0) + proba.get(i, 1) + proba.get(i, 2), 1e-6f);
    }
    int[] labels = model.predictClasses(test.x(), 3);
    assertArrayEquals(labels, forest.predict(test.x()));
    assertArrayEquals(labels, model.predictClasses(test.x()));
    int[] best = proba.argmaxRows();
    for (int i = 0; i < 45; i++) {
      assertEquals(model.classes()[best[i]], labels[i], "row " + i);
    }
    ClassificationReport report = model.classificationReport(test.x(), test.y());
    assertEquals(Metrics.accuracy(test.y(), labels), report.accuracy());
    assertEquals(45, report.total());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> model.predictProba(test.x(), 0));
    assertEquals("threads must be >= 1, got 0", e.getMessage());
  }

  @Test
  void printsLikeRandomForest() {
    float[][] rows = new float[40][];
    int[] y = new int[40];
    for (int i = 0; i < 40; i++) {
      y[i] = i % 2;
      rows[i] = new float[] {y[i] == 0 ? i % 3 : 7 + i % 3, (i * 7) % 5}; // a wide gap in x0
    }
    RandomForestModel model = RandomForest.builder().trees(25).mtry(2).seed(4).threads(1)
        .build().fit(FloatMatrix.of(rows), y);
    // Every row is out of bag in some of the 25 trees (a row stays in bag in all of them with
    // probability about 0.63^25 = 1e-5) and the gap in x0 separates the classes, so R's
    // randomForest prints 20 correct out-of-bag votes per class and no error.
    String expected = String.format("%nRandomForestModel: x 40 x 2, seed 4%n")
        + "               Type of random forest: classification\n"
        + "                     Number of trees: 25\n"
        + "No. of variables tried at each split: 2\n\n"
        + "        OOB estimate of  error rate: 0%\n"
        + "OOB confusion matrix (rows: prediction, columns: truth):\n"
        + "            Truth\n"
        + "Prediction   0  1\n"
        + "  0         20  0\n"
        + "  1          0 20\n"
        + "class.error  0  0\n";
    assertTrue(model.provenance().toString().startsWith("fitted by mnistkit "), model.provenance().toString());
    assertEquals(expected + "\n" + model.provenance() + "\n", model.toString());
    assertTrue(model.toString().contains("seed 4; settings: importance=false, maxDepth=unlimited, "
        + "mtry=2, nodeSize=1, replace=true, sampleFraction=1.0, trees=25"), model.toString());
  }

  @Test
  void confusionTableFormatsClassErrorLikeR() {
    ConfusionMatrix cm = ConfusionMatrix.of(new int[] {0, 0, 1, 1, 1, 1, 1, 1, 1, 1},
        new int[] {0, 0, 0, 1, 1, 1, 1, 1, 1, 1}, java.util.List.of("a", "bb"));
    // predictions as rows (one a predicted for a true bb), class.error per true class under its column
    assertEquals("            Truth\n"
        + "Prediction      a    bb\n"
        + "  a             2     1\n"
        + "  bb            0     7\n"
        + "class.error 0.000 0.125\n", ForestPrinter.confusion(cm));
    // an error of 1/3 is rounded to 3 decimals, not R's 7 significant digits, to keep columns narrow
    ConfusionMatrix third = ConfusionMatrix.of(new int[] {0, 0, 0, 1}, new int[] {0, 0, 1, 1}, 2);
    assertEquals("            Truth\n"
        + "Prediction      0     1\n"
        + "  0             2     0\n"
        + "  1             1     1\n"
        + "class.error 0.333 0.000\n", ForestPrinter.confusion(third));
    assertEquals("6.53", ForestPrinter.percent(0.0653));
    assertEquals("57", ForestPrinter.percent(0.57));
  }
}
