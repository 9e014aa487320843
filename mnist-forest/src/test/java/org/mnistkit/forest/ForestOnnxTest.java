package org.mnistkit.forest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistkit.core.tensor.FloatMatrix;

class ForestOnnxTest {

  @TempDir
  Path dir;

  /**
   * Exports the forest, runs x through ONNX Runtime and checks that its labels are ours exactly
   * and its probabilities ours to 1e-6.
   *
   * @return how many rows of x have a tie for the most votes
   */
  static int assertSameInOnnxRuntime(RandomForestModel model, FloatMatrix x, Path file)
      throws IOException, OrtException {
    model.exportOnnx(file);
    int[] labels = model.predictClasses(x, 2);
    FloatMatrix proba = model.predictProba(x, 2);
    OrtForest.Output out;
    try (OrtForest ort = new OrtForest(file)) {
      out = ort.run(x);
    }
    int k = model.numClasses();
    int ties = 0;
    for (int i = 0; i < x.rows(); i++) {
      assertEquals(labels[i], out.labels()[i], "label of row " + i);
      assertEquals(k, out.probabilities()[i].length);
      for (int c = 0; c < k; c++) {
        assertEquals(proba.get(i, c), out.probabilities()[i][c], 1e-6, "row " + i + " class " + c);
      }
      int best = 0;
      for (int c = 1; c < k; c++) {
        best = proba.get(i, c) > proba.get(i, best) ? c : best;
      }
      for (int c = best + 1; c < k; c++) {
        ties += proba.get(i, c) == proba.get(i, best) ? 1 : 0;
      }
    }
    return ties;
  }

  /**
   * Test rows: random rows of the training distribution, and for every split of the first trees
   * a row whose split feature sits exactly on the threshold (which must go left, x &lt;= t), and
   * one just above it.
   */
  static FloatMatrix probeRows(RandomForestModel model, FloatMatrix like, int random, long seed) {
    int p = model.numFeatures();
    SplittableRandom r = new SplittableRandom(seed);
    FloatMatrix base = like.selectRows(r.ints(random, 0, like.rows()).toArray());
    float[] extra = new float[0];
    int rows = 0;
    for (int t = 0; t < Math.min(3, model.numTrees()); t++) {
      Tree tree = model.tree(t);
      for (int i = 0; i < tree.numNodes(); i++) {
        if (!tree.isLeaf(i)) {
          for (float v : new float[] {tree.threshold(i), Math.nextUp(tree.threshold(i))}) {
            extra = Arrays.copyOf(extra, (rows + 1) * p);
            System.arraycopy(like.data(), r.nextInt(like.rows()) * p, extra, rows * p, p);
            extra[rows * p + tree.feature(i)] = v;
            rows++;
          }
        }
      }
    }
    float[] all = Arrays.copyOf(base.data(), base.data().length + extra.length);
    System.arraycopy(extra, 0, all, base.data().length, extra.length);
    return FloatMatrix.wrap(random + rows, p, all);
  }

  /** As {@link #assertSameInOnnxRuntime} on 200 probe rows, at least minTies of them tied. */
  private void assertTiesInOnnxRuntime(RandomForestModel model, FloatMatrix like, int minTies)
      throws IOException, OrtException {
    FloatMatrix x = probeRows(model, like, 200, model.numClasses());
    int ties = assertSameInOnnxRuntime(model, x, dir.resolve("ties.onnx"));
    assertTrue(ties >= minTies, "the test needs " + minTies + " rows with tied votes, got " + ties);
  }

  @Test
  void manyClassesWithTiesAndRowsOnTheThresholds() throws Exception {
    // Few trees and four classes on noise: many rows tie; labels are not 0..k-1 and one declared
    // class has no training row.
    Fixtures.Data d = Fixtures.noise(200, 6, 3, 41);
    int[] labels = new int[] {7, -3, 12, 40};
    int[] y = new int[d.y().length];
    for (int i = 0; i < y.length; i++) {
      y[i] = labels[d.y()[i]];
    }
    RandomForestModel model = RandomForest.builder().trees(4).seed(5).threads(2).build()
        .fit(d.x(), y, labels);
    assertTiesInOnnxRuntime(model, d.x(), 20);
  }

  @Test
  void twoClassesInReverseOrderWithTies() throws Exception {
    Fixtures.Data d = Fixtures.noise(300, 5, 2, 17);
    RandomForestModel model = RandomForest.builder().trees(6).mtry(2).seed(9).threads(2).build()
        .fit(d.x(), d.y(), new int[] {1, 0});
    assertTiesInOnnxRuntime(model, d.x(), 1);
  }

  @Test
  void integerFeaturesSplitBetweenValues() throws Exception {
    Fixtures.Data d = Fixtures.informativeFirst(300, 5, 3, 17);
    RandomForestModel model = RandomForest.builder().trees(9).mtry(2).seed(9).threads(2).build()
        .fit(d.x(), d.y());
    assertSameInOnnxRuntime(model, probeRows(model, d.x(), 200, 2), dir.resolve("ints.onnx"));
  }

  @Test
  void clustersWithManyTreesAndTheGraphsSignature() throws Exception {
    Fixtures.Data d = Fixtures.clusters(240, 7, 3);
    RandomForestModel model = RandomForest.builder().trees(101).seed(2).threads(2).build()
        .fit(d.x(), d.y());
    Path file = dir.resolve("clusters.onnx");
    assertSameInOnnxRuntime(model, probeRows(model, d.x(), 100, 3), file);
    try (OrtForest ort = new OrtForest(file)) {
      TensorInfo in = (TensorInfo) ort.session().getInputInfo().get("input").getInfo();
      assertArrayEquals(new long[] {-1, 7}, in.getShape());
      TensorInfo proba = (TensorInfo) ort.session().getOutputInfo().get("probabilities").getInfo();
      assertArrayEquals(new long[] {-1, 3}, proba.getShape());
      assertEquals(Stream.of("label", "probabilities").toList(),
          ort.session().getOutputNames().stream().toList());
      assertEquals(model.provenance().toProperties().get("seed"),
          ort.session().getMetadata().getCustomMetadata().get("seed"));
    }
  }

  @Test
  void aSingleClassForestCannotBeExportedAndLeavesNoFile() throws IOException {
    Fixtures.Data d = Fixtures.noise(20, 3, 1, 4);
    RandomForestModel model = RandomForest.builder().trees(3).threads(1).build().fit(d.x(), d.y());
    Path file = dir.resolve("one.onnx");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> model.exportOnnx(file));
    assertTrue(e.getMessage().contains("single class (label 0)"), e.getMessage());
    assertTrue(Files.notExists(file));
  }
}
