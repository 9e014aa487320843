package org.mnistkit.eda.bench;

import java.util.Arrays;
import java.util.Locale;
import org.mnistkit.core.data.LabeledImages;
import org.mnistkit.core.data.Mnist;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.core.tensor.Sampling;
import org.mnistkit.eda.knn.ExactKnn;
import org.mnistkit.eda.knn.KnnGraph;
import org.mnistkit.eda.knn.Metric;
import org.mnistkit.eda.quality.EmbeddingQuality;
import org.mnistkit.eda.umap.Umap;
import org.mnistkit.eda.umap.UmapModel;

/**
 * Side-by-side benchmark of the walkthrough's {@code umap(train / 255, n_neighbors = 15,
 * min_dist = 0.001, pca = 50)} on the first N training images (2 threads for the neighbour search,
 * 1 SGD thread, like the peer script). Prints time, kNN-15 purity and the recall of the neighbour
 * graph against an exact search for 1000 sampled rows. Usage:
 * {@code java -cp ... org.mnistkit.eda.bench.UmapBench [n] [reps] [verbose]}. Not a test.
 */
public final class UmapBench {

  private UmapBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 60000;
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    boolean verbose = args.length > 2 && Boolean.parseBoolean(args[2]);
    LabeledImages train = Mnist.load().train().head(n);
    FloatMatrix x = train.toScaledMatrix();
    int[] y = train.labels();
    Umap umap = Umap.builder().nNeighbors(15).minDist(0.001).pca(50).threads(2).sgdThreads(1)
        .verbose(verbose).build();
    double[] times = new double[reps];
    UmapModel model = null;
    for (int r = 0; r < reps; r++) {
      long t0 = System.nanoTime();
      model = umap.fit(x);
      times[r] = (System.nanoTime() - t0) / 1e9;
      double purity = EmbeddingQuality.knnPurity(model.embedding(), y, 15);
      System.out.printf(Locale.ROOT, "java umap n=%d s=%.2f knn15_purity=%.4f%n", n, times[r],
          purity);
    }
    double[] sorted = times.clone();
    Arrays.sort(sorted);
    System.out.printf(Locale.ROOT, "java umap median s=%.2f heap_used_mb=%d%n", sorted[reps / 2],
        (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
    LabeledImages test = Mnist.load().test();
    long t0 = System.nanoTime();
    FloatMatrix placed = model.transform(test.toScaledMatrix());
    double transformSeconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "java umap_transform n=%d s=%.2f knn15_purity=%.4f%n",
        test.size(), transformSeconds, EmbeddingQuality.knnPurity(placed, test.labels(), 15));
    int sample = Math.min(1000, n);
    int[] rows = Sampling.sampleWithoutReplacement(n, sample, 7);
    FloatMatrix reduced = model.pca() != null ? model.pca().scores() : x;
    KnnGraph exact = ExactKnn.search(reduced, reduced.selectRows(rows), 15, Metric.EUCLIDEAN, 2);
    KnnGraph found = model.neighbors();
    long hits = 0;
    for (int s = 0; s < sample; s++) {
      for (int r = 0; r < 15; r++) {
        int want = exact.index(s, r);
        for (int t = 0; t < 15; t++) {
          if (found.index(rows[s], t) == want) {
            hits++;
            break;
          }
        }
      }
    }
    System.out.printf(Locale.ROOT, "neighbour recall vs exact (%d sampled rows): %.4f%n", sample,
        hits / (double) (sample * 15));
  }
}
