package org.mnistkit.eda.umap;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mnistkit.core.concurrent.Workers;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.eda.knn.ExactKnn;
import org.mnistkit.eda.knn.KnnGraph;
import org.mnistkit.eda.knn.Metric;
import org.mnistkit.eda.testing.Fixtures;

class GraphSearchTest {

  @Test
  void recallOfQueriesAgainstExactSearch() {
    FloatMatrix train = Fixtures.gaussian(3000, 8, 1);
    FloatMatrix queries = Fixtures.gaussian(200, 8, 2);
    KnnGraph knn = ExactKnn.selfGraph(train, 15, Metric.EUCLIDEAN, 2);
    double[] w = new double[3000 * 15];
    java.util.Arrays.fill(w, 1.0);
    FuzzyGraph g = FuzzyGraph.union(knn.indices(), w, 3000, 15, 1.0);
    KnnGraph found;
    try (Workers workers = new Workers(2)) {
      found = GraphSearch.search(train, g, queries, 10, Metric.EUCLIDEAN, 5, workers);
    }
    KnnGraph exact = ExactKnn.search(train, queries, 10, Metric.EUCLIDEAN, 2);
    double recall = found.recall(exact);
    assertTrue(recall >= 0.95, "recall " + recall);
  }
}
