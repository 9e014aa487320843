package org.mnistkit.examples.walkthrough;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Where one classifier fails on the test images, computed from its {@link TestPredictions} alone
 * (so a new model family gets the same diagnostics): the confusion counts with the test images
 * behind each cell, and its most confident mistakes. {@link #disagreements} sets models against
 * each other. Pure computation; {@link DigitGallery} writes the pictures and {@link
 * DiagnosticsSection} the HTML.
 *
 * @param predictions what the model said about each test image
 * @param counts {@code [predicted][truth]} counts, indexed by position in {@code predictions.classes()}
 * @param cellRows {@code [predicted][truth]}: the test rows of that cell, at most the cap, the
 *     most probable first (ties: lower row first)
 * @param confidentMistakes the wrongly predicted test rows with the highest probability of the
 *     predicted class, at most the cap, highest first (ties: lower row first)
 * @param mistakes how many test images the model got wrong in all
 */
record ModelDiagnostics(TestPredictions predictions, long[][] counts, int[][][] cellRows, int[] confidentMistakes,
    long mistakes) {

  /** The most images listed for one confusion cell. */
  static final int CELL_CAP = 30;
  /** The most images in each gallery of mistakes or disagreements. */
  static final int GALLERY_CAP = 16;

  /**
   * @param p a model's test predictions
   * @param cellCap the most rows kept per cell, at least 1
   * @param galleryCap the most confident mistakes kept, at least 1
   * @return the diagnostics
   * @throws IllegalArgumentException when a cap is below 1
   */
  static ModelDiagnostics of(TestPredictions p, int cellCap, int galleryCap) {
    checkCap("cellCap", cellCap);
    checkCap("galleryCap", galleryCap);
    int k = p.classes().length;
    int[] position = TestPredictions.positions(p.classes());
    long[][] counts = new long[k][k];
    List<List<List<Integer>>> cells = new ArrayList<>();
    for (int r = 0; r < k; r++) {
      List<List<Integer>> row = new ArrayList<>();
      for (int c = 0; c < k; c++) {
        row.add(new ArrayList<>());
      }
      cells.add(row);
    }
    List<Integer> wrong = new ArrayList<>();
    for (int i = 0; i < p.size(); i++) {
      int pr = position[p.predicted()[i]];
      int tr = position[p.truth()[i]];
      counts[pr][tr]++;
      cells.get(pr).get(tr).add(i);
      if (!p.right(i)) {
        wrong.add(i);
      }
    }
    Comparator<Integer> surestFirst = surestFirst(p);
    int[][][] cellRows = new int[k][k][];
    for (int r = 0; r < k; r++) {
      for (int c = 0; c < k; c++) {
        cellRows[r][c] = top(cells.get(r).get(c), surestFirst, cellCap);
      }
    }
    return new ModelDiagnostics(p, counts, cellRows, top(wrong, surestFirst, galleryCap), wrong.size());
  }

  /**
   * The test images one model gets right and another wrong.
   *
   * @param right the model that is right on them
   * @param wrong the model that is wrong on them
   * @param count how many such images there are in all
   * @param rows at most the cap of them: those the wrong model was surest of first (ties: lower row first)
   */
  record Disagreement(TestPredictions right, TestPredictions wrong, long count, int[] rows) {}

  /**
   * For every ordered pair of models (a, b), the test images a gets right and b gets wrong.
   *
   * @param models the models' predictions of the same test images, in report order
   * @param cap the most rows kept per pair, at least 1
   * @return one entry per ordered pair: (0, 1), (1, 0), (0, 2), ...; empty for fewer than 2 models
   * @throws IllegalArgumentException when the models saw different test images (other true labels)
   */
  static List<Disagreement> disagreements(List<TestPredictions> models, int cap) {
    checkCap("cap", cap);
    List<Disagreement> out = new ArrayList<>();
    for (int a = 0; a < models.size(); a++) {
      for (int b = a + 1; b < models.size(); b++) {
        if (!Arrays.equals(models.get(a).truth(), models.get(b).truth())) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "%s and %s were tested on different test images (%d and %d, or other labels); cannot compare them",
              models.get(a).model(), models.get(b).model(), models.get(a).size(), models.get(b).size()));
        }
        out.add(disagreement(models.get(a), models.get(b), cap));
        out.add(disagreement(models.get(b), models.get(a), cap));
      }
    }
    return out;
  }

  private static Disagreement disagreement(TestPredictions right, TestPredictions wrong, int cap) {
    List<Integer> rows = IntStream.range(0, right.size()).filter(i -> right.right(i) && !wrong.right(i)).boxed()
        .toList();
    return new Disagreement(right, wrong, rows.size(), top(rows, surestFirst(wrong), cap));
  }

  /**
   * @param position a row or column of {@link #counts}
   * @return the class label there
   */
  int label(int position) {
    return predictions.classes()[position];
  }

  private static Comparator<Integer> surestFirst(TestPredictions p) {
    return Comparator.<Integer>comparingDouble(i -> -p.probability()[i]).thenComparingInt(i -> i);
  }

  private static int[] top(List<Integer> rows, Comparator<Integer> order, int cap) {
    return rows.stream().sorted(order).limit(cap).mapToInt(Integer::intValue).toArray();
  }

  private static void checkCap(String name, int cap) {
    if (cap < 1) {
      throw new IllegalArgumentException(name + " must be >= 1, got " + cap);
    }
  }
}
