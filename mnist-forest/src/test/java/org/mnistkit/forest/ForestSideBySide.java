package org.mnistkit.forest;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import org.mnistkit.core.data.LabeledImages;
import org.mnistkit.core.data.Mnist;
import org.mnistkit.core.data.MnistDataset;
import org.mnistkit.core.metrics.Metrics;
import org.mnistkit.core.tensor.FloatMatrix;

/**
 * Side-by-side benchmark main (not a test): fits the forest on MNIST like the peer scripts in
 * ../shared/peers (rf_ranger.R, rf_sklearn.py) and prints one line per repetition in their style.
 *
 * <p>Arguments (all optional): N_TRAIN (3000; 60000 = the whole training set), NTREE (500),
 * IMPORTANCE (false), REPS (1), THREADS (all processors). Run with
 * {@code java -cp target/classes:target/test-classes:$(cat /tmp/forest.cp)
 * org.mnistkit.forest.ForestSideBySide 3000 500}.
 */
public final class ForestSideBySide {

  private ForestSideBySide() {}

  /** @param args N_TRAIN NTREE IMPORTANCE REPS THREADS */
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    int ntree = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    boolean importance = args.length > 2 && Boolean.parseBoolean(args[2]);
    int reps = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    int threads = args.length > 4 ? Integer.parseInt(args[4])
        : Runtime.getRuntime().availableProcessors();
    MnistDataset mnist = Mnist.load();
    LabeledImages train = n >= mnist.train().size() ? mnist.train() : mnist.train().sample(n, 123);
    FloatMatrix x = train.toScaledMatrix();
    FloatMatrix xt = mnist.test().toScaledMatrix();
    int[] yt = mnist.test().labels();
    for (int r = 0; r < reps; r++) {
      long t0 = System.nanoTime();
      RandomForestModel model = RandomForest.builder().trees(ntree).seed(123).threads(threads)
          .importance(importance).build().fit(x, train.labels());
      long t1 = System.nanoTime();
      int[] pred = model.predict(xt);
      long t2 = System.nanoTime();
      long peak = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          peak += pool.getPeakUsage().getUsed();
        }
      }
      System.out.printf(Locale.ROOT,
          "mnistkit n=%d ntree=%d importance=%b threads=%d rep=%d fit_s=%.2f predict_s=%.2f "
              + "accuracy=%.4f oob_error=%.4f heap_peak_mb=%d max_heap_mb=%d%n",
          train.size(), ntree, importance, threads, r, (t1 - t0) / 1e9, (t2 - t1) / 1e9,
          Metrics.accuracy(yt, pred), model.oobError(), peak >> 20,
          Runtime.getRuntime().maxMemory() >> 20);
      if (r == reps - 1 && System.getenv("PRINT_MODEL") != null) {
        System.out.println(model);
        System.out.println(model.importance().summary(10));
      }
    }
  }
}
