package org.mnistkit.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mnistkit.core.tensor.FloatMatrix;

class ClassifierTest {

  /** Classes 3, 5, 9; the probabilities are the row itself. */
  static final class RowIsProba implements Classifier {
    @Override public int[] classes() { return new int[] {3, 5, 9}; }
    @Override public int numFeatures() { return 3; }
    @Override public FloatMatrix predictProba(FloatMatrix x, int threads) { return x.copy(); }
    @Override public Provenance provenance() { return Provenance.version1(0, 3, Map.of(), 0); }
    @Override public void save(Path file) { throw new UnsupportedOperationException(); }
  }

  @Test
  void predictClassesMapsTheMostProbableColumnToItsLabelFirstOnTies() {
    FloatMatrix p = FloatMatrix.of(new float[][] {{0.2f, 0.7f, 0.1f}, {0.4f, 0.2f, 0.4f},
        {0, 0, 1}});
    assertArrayEquals(new int[] {5, 3, 9}, new RowIsProba().predictClasses(p));
  }

  @Test
  void theReportCountsPredictionsAgainstTruthByLabel() {
    FloatMatrix p = FloatMatrix.of(new float[][] {{0.2f, 0.7f, 0.1f}, {0.4f, 0.2f, 0.4f},
        {0, 0, 1}, {1, 0, 0}});
    ClassificationReport r = new RowIsProba().classificationReport(p, new int[] {5, 9, 9, 3});
    assertEquals(0.75, r.accuracy(), 1e-12);
    assertEquals(4, r.total());
    assertEquals(1, r.confusionMatrix().count(0, 2), "one 9 predicted as 3");
    assertEquals("9", r.perClass().get(2).name());
    assertEquals(0.5, r.perClass().get(2).recall(), 1e-12);
    assertTrue(r.toString().contains("accuracy"), r.toString());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new RowIsProba().classificationReport(p, new int[] {5, 9, 9, 4}));
    assertEquals("labels[3] is 4, which is not one of the model's classes [3, 5, 9]", e.getMessage());
  }
}
