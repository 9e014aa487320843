package org.mnistkit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mnistkit.core.data.DatasetSpec;
import org.mnistkit.core.metrics.Metrics;
import org.mnistkit.core.testing.RealData;

/** Runs each benchmark method once on small sizes so that the suite cannot rot unnoticed. */
@Tag("mnist")
class ModelBenchmarksTest {

  @BeforeAll
  static void mnistIsAvailable() throws IOException {
    RealData.assumeAvailable(DatasetSpec.MNIST); // skipped with the reason where no source can provide it
  }

  @Test
  void forestFits() throws IOException {
    ForestBenchmark b = new ForestBenchmark();
    b.trainRows = 500;
    b.threads = 2;
    b.setUp();
    assertEquals(500, b.fit().numTrees());
  }

  @Test
  void everyClassifierPredictsThroughTheContract() throws IOException {
    for (String model : new String[] {"forest", "network"}) {
      PredictBenchmark b = new PredictBenchmark();
      b.model = model;
      b.forestTrainRows = 500;
      b.networkTrainRows = 2000;
      b.testRows = 300;
      b.threads = 2;
      b.setUp();
      int[] predicted = b.predictClasses();
      assertEquals(300, predicted.length);
      // a 500-tree forest on 500 rows, or one epoch on 2000, is far above chance (0.1)
      assertTrue(Metrics.accuracy(b.data.testY, predicted) > 0.7, model + " accuracy");
    }
  }

  @Test
  void svdGivesDescendingSingularValuesWithEitherOperator() throws IOException {
    SvdBenchmark b = new SvdBenchmark();
    b.rows = 2000;
    b.nv = 5;
    b.setUp();
    double[] d = b.truncatedSvd().singularValues();
    assertEquals(5, d.length);
    for (int i = 1; i < d.length; i++) {
      assertTrue(d[i - 1] >= d[i]);
    }
    b.operator = "dense";
    double[] dense = b.truncatedSvd().singularValues();
    for (int i = 0; i < d.length; i++) {
      assertEquals(d[i], dense[i], 1e-6 * d[0], "d[" + i + "] read in place vs through the index");
    }
  }

  @Test
  void umapEmbedsInTwoDimensions() throws IOException {
    UmapBenchmark b = new UmapBenchmark();
    b.rows = 600;
    b.setUp();
    assertEquals("[600, 2]", java.util.Arrays.toString(b.fit().embedding().shape()));
  }

  @Test
  void networkEpochLearns() throws IOException {
    NetworkBenchmark b = new NetworkBenchmark();
    b.trainRows = 2000;
    b.setUp();
    assertTrue(b.epoch().last("accuracy") > 0.6);
  }
}
