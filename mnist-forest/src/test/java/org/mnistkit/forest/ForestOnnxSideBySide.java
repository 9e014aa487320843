package org.mnistkit.forest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.mnistkit.core.concurrent.Workers;
import org.mnistkit.core.data.Mnist;
import org.mnistkit.core.data.MnistDataset;
import org.mnistkit.core.tensor.FloatMatrix;

/**
 * Side-by-side main (not a test): exports the walkthrough's forest to ONNX and times its
 * prediction of the first N test images (1000) in ONNX Runtime (one thread, as the tests run it)
 * against {@link RandomForestModel#predictProba} on one thread and on all cores; prints the file
 * size, how many labels and how far the probabilities differ, and the best of REPS (5) runs. Run with {@code java -cp
 * target/classes:target/test-classes:$(cat /tmp/forest.cp)
 * org.mnistkit.forest.ForestOnnxSideBySide 1000 5}.
 */
public final class ForestOnnxSideBySide {

  private ForestOnnxSideBySide() {}

  /** @param args N REPS */
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    MnistDataset mnist = Mnist.load();
    RandomForestModel model = MnistForestOnnxTest.walkthroughForest(mnist);
    FloatMatrix x = mnist.test().head(n).toScaledMatrix();
    Path file = Files.createTempFile("forest", ".onnx");
    long t0 = System.nanoTime();
    model.exportOnnx(file);
    double exportSeconds = (System.nanoTime() - t0) / 1e9;
    double ort = Double.MAX_VALUE;
    double one = Double.MAX_VALUE;
    double all = Double.MAX_VALUE;
    double maxDiff = 0;
    int labelDiffs = 0;
    try (OrtForest session = new OrtForest(file)) {
      OrtForest.Output out = session.run(x);
      FloatMatrix proba = model.predictProba(x);
      int[] labels = model.predictClasses(x);
      for (int i = 0; i < n; i++) {
        labelDiffs += out.labels()[i] != labels[i] ? 1 : 0;
        for (int c = 0; c < proba.cols(); c++) {
          maxDiff = Math.max(maxDiff, Math.abs(out.probabilities()[i][c] - proba.get(i, c)));
        }
      }
      for (int r = 0; r < reps; r++) {
        long a = System.nanoTime();
        session.run(x);
        long b = System.nanoTime();
        model.predictProba(x, 1);
        long c = System.nanoTime();
        model.predictProba(x, Workers.defaultThreads());
        long d = System.nanoTime();
        ort = Math.min(ort, (b - a) / 1e9);
        one = Math.min(one, (c - b) / 1e9);
        all = Math.min(all, (d - c) / 1e9);
      }
    }
    System.out.printf(Locale.ROOT, "onnx_bytes=%d export_s=%.2f rows=%d label_differences=%d "
        + "max_proba_difference=%g ort_1thread_s=%.4f mnistkit_1thread_s=%.4f "
        + "mnistkit_%dthreads_s=%.4f%n", Files.size(file), exportSeconds, n, labelDiffs, maxDiff,
        ort, one, Workers.defaultThreads(), all);
    Files.delete(file);
  }
}
