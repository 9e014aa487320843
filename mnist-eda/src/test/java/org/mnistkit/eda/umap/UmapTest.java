package org.mnistkit.eda.umap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistkit.core.testing.TestAssertions.assertThrowsWithMessage;

import java.io.IOException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mnistkit.core.data.LabeledImages;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.core.testing.RealData;
import org.mnistkit.eda.knn.Metric;
import org.mnistkit.eda.quality.EmbeddingQuality;
import org.mnistkit.eda.testing.Fixtures;

class UmapTest {

  private static final int CLUSTERS = 3;
  private static final int PER_CLUSTER = 60;

  private static FloatMatrix blobs() {
    return Fixtures.blobs(CLUSTERS, PER_CLUSTER, 5, 17);
  }

  private static Umap.Builder small() {
    return Umap.builder().nNeighbors(10).nEpochs(200).threads(2);
  }

  /** Centre of each cluster in the embedding. */
  private static double[][] centres(FloatMatrix e, int[] labels, int clusters) {
    double[][] c = new double[clusters][e.cols()];
    int[] count = new int[clusters];
    for (int i = 0; i < e.rows(); i++) {
      count[labels[i]]++;
      for (int d = 0; d < e.cols(); d++) {
        c[labels[i]][d] += e.get(i, d);
      }
    }
    for (int l = 0; l < clusters; l++) {
      for (int d = 0; d < e.cols(); d++) {
        c[l][d] /= count[l];
      }
    }
    return c;
  }

  private static double dist(double[] a, double[] b) {
    double s = 0;
    for (int d = 0; d < a.length; d++) {
      s += (a[d] - b[d]) * (a[d] - b[d]);
    }
    return Math.sqrt(s);
  }

  @Test
  void separatedBlobsStaySeparated() {
    FloatMatrix x = blobs();
    int[] y = Fixtures.blobLabels(CLUSTERS, PER_CLUSTER);
    UmapModel m = small().build().fit(x);
    FloatMatrix e = m.embedding();
    assertEquals(CLUSTERS * PER_CLUSTER, e.rows());
    assertEquals(2, e.cols());
    assertEquals(1.0, EmbeddingQuality.knnPurity(e, y, 15), 0.0);
    // every point is nearer its own cluster's centre than any other cluster's
    double[][] c = centres(e, y, CLUSTERS);
    for (int i = 0; i < e.rows(); i++) {
      double[] p = {e.get(i, 0), e.get(i, 1)};
      for (int l = 0; l < CLUSTERS; l++) {
        if (l != y[i]) {
          assertTrue(dist(p, c[y[i]]) < dist(p, c[l]), "point " + i);
        }
      }
    }
    // the embedding is centred, as uwot centres it
    assertEquals(0.0, (c[0][0] + c[1][0] + c[2][0]) / 3, 1e-3);
    assertEquals(200, m.nEpochs());
  }

  @Test
  void seededRunsWithOneSgdThreadAreIdentical() {
    FloatMatrix x = blobs();
    FloatMatrix a = small().seed(5).threads(1).build().fit(x).embedding();
    FloatMatrix b = small().seed(5).threads(3).build().fit(x).embedding();
    FloatMatrix c = small().seed(6).build().fit(x).embedding();
    assertEquals(a, b, "same seed, one SGD thread, any number of other threads");
    assertNotEquals(a, c, "another seed gives another layout");
  }

  /** Clusters around 20 times the unit vectors e_0, e_1, e_2: separated in angle too. */
  private static FloatMatrix axisBlobs() {
    FloatMatrix x = Fixtures.gaussian(CLUSTERS * PER_CLUSTER, 5, 23);
    for (int i = 0; i < x.rows(); i++) {
      int c = i / PER_CLUSTER;
      x.set(i, c, x.get(i, c) + 20f);
    }
    return x;
  }

  @Test
  void nnDescentPathAndOtherMetricsWork() {
    FloatMatrix x = axisBlobs();
    int[] y = Fixtures.blobLabels(CLUSTERS, PER_CLUSTER);
    for (Metric metric : Metric.values()) {
      UmapModel m = small().metric(metric).neighborMethod(Umap.NeighborMethod.NN_DESCENT)
          .nEpochs(100).build().fit(x);
      assertTrue(EmbeddingQuality.knnPurity(m.embedding(), y, 15) > 0.95, metric.toString());
    }
  }

  @Test
  void pcaAndInitOptions() {
    FloatMatrix x = Fixtures.blobs(CLUSTERS, PER_CLUSTER, 12, 3);
    int[] y = Fixtures.blobLabels(CLUSTERS, PER_CLUSTER);
    UmapModel m = small().pca(4).init(Umap.Init.PCA).build().fit(x);
    assertEquals(4, m.pca().nComponents());
    assertEquals(1.0, EmbeddingQuality.knnPurity(m.embedding(), y, 15), 0.0);
    UmapModel r = small().init(Umap.Init.RANDOM).nEpochs(300).build().fit(x);
    assertTrue(EmbeddingQuality.knnPurity(r.embedding(), y, 15) > 0.95);
    UmapModel three = small().nComponents(3).build().fit(x);
    assertEquals(3, three.embedding().cols());
  }

  @Test
  void disconnectedGraphFallsBackToPcaInit() {
    // two far-apart groups with nNeighbors smaller than a group: the kNN graph is disconnected
    FloatMatrix x = Fixtures.blobs(2, 30, 4, 8);
    UmapModel m = Umap.builder().nNeighbors(5).nEpochs(0).build().fit(x);
    // nEpochs 0 returns the initial coordinates: PCA scaled to sd 1 per column
    double mean = 0;
    double ss = 0;
    for (int i = 0; i < 60; i++) {
      mean += m.embedding().get(i, 0);
    }
    mean /= 60;
    for (int i = 0; i < 60; i++) {
      ss += Math.pow(m.embedding().get(i, 0) - mean, 2);
    }
    assertEquals(1.0, Math.sqrt(ss / 59), 1e-4);
  }

  @Test
  void duplicatesAndTinyInputsWork() {
    float[][] rows = new float[40][3];
    for (int i = 0; i < 40; i++) {
      rows[i][0] = i < 20 ? 1f : 5f; // two groups of 20 identical rows
      rows[i][1] = 2f;
      rows[i][2] = i < 20 ? 0f : 3f;
    }
    FloatMatrix dup = FloatMatrix.of(rows);
    FloatMatrix e = Umap.builder().nNeighbors(5).build().fit(dup).embedding();
    assertEquals(-1, e.indexOfNonFinite(), "all coordinates finite");
    FloatMatrix two = FloatMatrix.of(new float[][] {{0f, 1f}, {1f, 0f}});
    FloatMatrix e2 = Umap.builder().nNeighbors(2).build().fit(two).embedding();
    assertEquals(-1, e2.indexOfNonFinite());
    assertEquals(2, e2.rows());
    FloatMatrix viaDescent = Umap.builder().nNeighbors(5).nEpochs(50)
        .neighborMethod(Umap.NeighborMethod.NN_DESCENT).build().fit(dup).embedding();
    assertEquals(-1, viaDescent.indexOfNonFinite());
    FloatMatrix three = FloatMatrix.of(new float[][] {{0f}, {1f}, {3f}});
    FloatMatrix e3 = Umap.builder().nNeighbors(3).build().fit(three).embedding();
    assertEquals(-1, e3.indexOfNonFinite());
    assertEquals(3, e3.rows());
  }

  @Test
  void transformPlacesNewPointsWithTheirCluster() {
    FloatMatrix x = blobs();
    int[] y = Fixtures.blobLabels(CLUSTERS, PER_CLUSTER);
    UmapModel m = small().build().fit(x);
    FloatMatrix fresh = Fixtures.blobs(CLUSTERS, 10, 5, 99); // new draws around the same centres
    FloatMatrix placed = m.transform(fresh);
    assertEquals(30, placed.rows());
    double[][] c = centres(m.embedding(), y, CLUSTERS);
    for (int i = 0; i < 30; i++) {
      double[] p = {placed.get(i, 0), placed.get(i, 1)};
      int own = i / 10;
      for (int l = 0; l < CLUSTERS; l++) {
        if (l != own) {
          assertTrue(dist(p, c[own]) < dist(p, c[l]), "new point " + i);
        }
      }
    }
    assertEquals(placed, m.transform(fresh), "transform is deterministic");
    assertThrowsWithMessage(IllegalArgumentException.class, () -> m.transform(FloatMatrix.zeros(2, 4)),
        "x must have 5 columns like the training data, got 4");
  }

  @Test
  void parallelSgdWorks() {
    FloatMatrix x = blobs();
    int[] y = Fixtures.blobLabels(CLUSTERS, PER_CLUSTER);
    UmapModel m = small().sgdThreads(2).build().fit(x);
    assertEquals(1.0, EmbeddingQuality.knnPurity(m.embedding(), y, 15), 0.0);
  }

  @Test
  void transformSearchesTheGraphForLargeTrainingSets() {
    int per = 1400; // 4200 training rows: above the exact-search limit of 4096
    FloatMatrix x = Fixtures.blobs(CLUSTERS, per, 5, 31);
    int[] y = Fixtures.blobLabels(CLUSTERS, per);
    UmapModel m = Umap.builder().nEpochs(30).threads(2).build().fit(x);
    FloatMatrix placed = m.transform(Fixtures.blobs(CLUSTERS, 10, 5, 32));
    double[][] c = centres(m.embedding(), y, CLUSTERS);
    for (int i = 0; i < 30; i++) {
      double[] p = {placed.get(i, 0), placed.get(i, 1)};
      int own = i / 10;
      for (int l = 0; l < CLUSTERS; l++) {
        if (l != own) {
          assertTrue(dist(p, c[own]) < dist(p, c[l]), "new point " + i);
        }
      }
    }
  }

  @Test
  void rejectsBadSettingsAndData() {
    assertEquals("nNeighbors must be >= 2, got 1",
        assertThrows(IllegalArgumentException.class, () -> Umap.builder().nNeighbors(1).build())
            .getMessage());
    assertEquals("nComponents must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
        () -> Umap.builder().nComponents(0).build()).getMessage());
    assertEquals("pca must be >= nComponents = 3, got 2", assertThrows(
        IllegalArgumentException.class,
        () -> Umap.builder().nComponents(3).pca(2).build()).getMessage());
    assertThrowsWithMessage(IllegalArgumentException.class, () -> Umap.builder().nEpochs(-1).build(),
        "nEpochs must be >= 0, got -1");
    assertThrowsWithMessage(IllegalArgumentException.class, () -> Umap.builder().minDist(2).build(),
        "minDist must be in [0, spread = 1.0], got 2.0");
    assertThrowsWithMessage(IllegalArgumentException.class, () -> Umap.builder().learningRate(0).build(),
        "learningRate must be > 0 and finite, got 0.0");
    assertThrowsWithMessage(IllegalArgumentException.class, () -> Umap.builder().setOpMixRatio(1.5).build(),
        "setOpMixRatio must be in [0, 1], got 1.5");
    assertThrowsWithMessage(IllegalArgumentException.class, () -> Umap.builder().sgdThreads(0).build(),
        "sgdThreads must be >= 1, got 0");
    assertThrowsWithMessage(IllegalArgumentException.class, () -> Umap.builder().ab(-1, 1).build(),
        "a must be > 0 and finite, got -1.0");
    Umap u = Umap.builder().nNeighbors(15).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> u.fit(Fixtures.gaussian(10, 3, 1)));
    assertEquals("nNeighbors must be <= the number of rows (10), got 15", e.getMessage());
    assertThrowsWithMessage(IllegalArgumentException.class, () -> u.fit(FloatMatrix.zeros(0, 3)),
        "x must have at least one row and one column, got 0 x 3");
    FloatMatrix nan = Fixtures.gaussian(30, 3, 1);
    nan.set(7, 1, Float.NaN);
    e = assertThrows(IllegalArgumentException.class, () -> u.fit(nan));
    assertTrue(e.getMessage().contains("row 7, column 1"), e.getMessage());
    FloatMatrix inf = Fixtures.gaussian(30, 3, 1);
    inf.set(0, 0, Float.NEGATIVE_INFINITY);
    assertThrowsWithMessage(IllegalArgumentException.class, () -> u.fit(inf),
        "x has a non-finite value -Infinity at row 0, column 0; remove or impute it first");
  }

  @Test
  @Tag("mnist")
  void mnist5000IsPure() throws IOException {
    LabeledImages train = RealData.mnist().train().head(5000);
    UmapModel m = Umap.builder().nNeighbors(15).minDist(0.001).pca(50).threads(2).build()
        .fit(train.toScaledMatrix());
    double purity = EmbeddingQuality.knnPurity(m.embedding(), train.labels(), 15);
    assertTrue(purity >= 0.9, "kNN-15 purity " + purity);
  }
}
