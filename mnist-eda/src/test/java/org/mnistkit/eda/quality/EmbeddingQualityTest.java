package org.mnistkit.eda.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistkit.core.testing.TestAssertions.assertThrowsWithMessage;

import org.junit.jupiter.api.Test;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.eda.testing.Fixtures;

class EmbeddingQualityTest {

  private static FloatMatrix line(float... xs) {
    float[][] rows = new float[xs.length][];
    for (int i = 0; i < xs.length; i++) {
      rows[i] = new float[] {xs[i], 0f};
    }
    return FloatMatrix.of(rows);
  }

  @Test
  void purityByHand() {
    // points on a line at 0, 1, 2, 10, 11, 12; labels 0 0 1 1 1 1; k = 2
    FloatMatrix e = line(0, 1, 2, 10, 11, 12);
    int[] y = {0, 0, 1, 1, 1, 1};
    // neighbours: 0:{1,2}->labels{0,1} tie->0 (pure); 1:{0,2}->{0,1} tie->0 (pure);
    // 2:{1,0}->{0,0}->0 (impure); 3:{4,5}->1 (pure); 4:{3,5} pure; 5:{4,3} pure
    assertEquals(5.0 / 6.0, EmbeddingQuality.knnPurity(e, y, 2), 1e-15);
    double[] byLabel = EmbeddingQuality.knnPurityByLabel(e, y, 2);
    assertEquals(1.0, byLabel[0], 1e-15);
    assertEquals(0.75, byLabel[1], 1e-15);
  }

  @Test
  void tieGoesToTheSmallestLabelLikeRWhichMax() {
    // point 0 at the centre with one neighbour of label 2 and one of label 1: tie -> label 1
    FloatMatrix e = line(0, -1, 1, 50, 51, 52);
    int[] own2 = {2, 2, 1, 0, 0, 0};
    int[] own1 = {1, 2, 1, 0, 0, 0};
    // point 0 is impure when its label is 2, pure when it is 1
    double p2 = EmbeddingQuality.knnPurityByLabel(e, own2, 2)[2];
    double p1 = EmbeddingQuality.knnPurityByLabel(e, own1, 2)[1];
    assertTrue(p1 > 0.99 && p2 < 0.6, "p1=" + p1 + " p2=" + p2);
  }

  @Test
  void separatedBlobsArePure() {
    FloatMatrix x = Fixtures.blobs(3, 40, 2, 5);
    assertEquals(1.0, EmbeddingQuality.knnPurity(x, Fixtures.blobLabels(3, 40)), 0.0);
  }

  @Test
  void trustworthinessOfTheDataItselfIsOne() {
    FloatMatrix x = Fixtures.gaussian(60, 5, 3);
    assertEquals(1.0, EmbeddingQuality.trustworthiness(x, x, 5, 60, 1), 1e-12);
  }

  /**
   * scikit-learn 1.2 {@code manifold.trustworthiness}: with {@code X[i, j] = sin(i j / 3) +
   * cos(i + j)} for i = 1..40, j = 1..6 (float32) it gives 0.769375 for E = X[:, :2], k = 5, and
   * 0.825952380952381 for E = X[:, :2] + 0.5 X[:, 2:4], k = 3.
   */
  @Test
  void trustworthinessMatchesScikitLearn() {
    float[][] x = new float[40][6];
    for (int i = 1; i <= 40; i++) {
      for (int j = 1; j <= 6; j++) {
        x[i - 1][j - 1] = (float) (Math.sin(i * j / 3.0) + Math.cos(i + j));
      }
    }
    float[][] e1 = new float[40][2];
    float[][] e2 = new float[40][2];
    for (int i = 0; i < 40; i++) {
      e1[i][0] = x[i][0];
      e1[i][1] = x[i][1];
      e2[i][0] = (float) ((double) x[i][0] + 0.5 * x[i][2]);
      e2[i][1] = (float) ((double) x[i][1] + 0.5 * x[i][3]);
    }
    FloatMatrix xm = FloatMatrix.of(x);
    assertEquals(0.769375, EmbeddingQuality.trustworthiness(xm, FloatMatrix.of(e1), 5, 40, 1),
        1e-12);
    assertEquals(0.825952380952381,
        EmbeddingQuality.trustworthiness(xm, FloatMatrix.of(e2), 3, 40, 1), 1e-6);
  }

  @Test
  void rejectsBadInput() {
    FloatMatrix e = line(0, 1, 2, 3);
    assertThrowsWithMessage(IllegalArgumentException.class,
        () -> EmbeddingQuality.knnPurity(e, new int[] {0, 1, 0}, 1),
        "labels has 3 values but the embedding has 4 rows");
    assertThrowsWithMessage(IllegalArgumentException.class,
        () -> EmbeddingQuality.knnPurity(e, new int[] {0, 1, 0, 1}, 4), "k must be in 1..3 (rows - 1), got 4");
    assertThrowsWithMessage(IllegalArgumentException.class,
        () -> EmbeddingQuality.knnPurity(e, new int[] {0, -1, 0, 1}, 1), "labels must be >= 0, got -1 at 1");
    FloatMatrix nan = line(0, Float.NaN, 2, 3);
    assertThrowsWithMessage(IllegalArgumentException.class,
        () -> EmbeddingQuality.knnPurity(nan, new int[] {0, 1, 0, 1}, 1),
        "embedding has a non-finite value NaN at row 1, column 0; remove or impute it first");
    assertThrowsWithMessage(IllegalArgumentException.class,
        () -> EmbeddingQuality.trustworthiness(e, e, 2, 4, 1),
        "k must be in 1..1 (below half the 4 sampled rows), got 2");
  }
}
