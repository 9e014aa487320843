package org.mnistkit.examples.walkthrough;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.eda.plot.ChartOptions;
import org.mnistkit.eda.plot.ScatterPlot;
import org.mnistkit.eda.quality.EmbeddingQuality;
import org.mnistkit.eda.svd.SvdResult;
import org.mnistkit.eda.svd.TruncatedSvd;

/**
 * Step 4: {@code irlba(A = train_images, nv = 30)}, uncentred as the walkthrough calls it, and the
 * scatter of the first two principal coordinates (U times d) coloured by label, judged by its
 * kNN-15 purity rather than by eye.
 */
final class SvdStep {

  static final int COMPONENTS = 30;

  private SvdStep() {}

  /**
   * @param n rows decomposed
   * @param components nv
   * @param singularValues descending
   * @param iterations Lanczos restarts
   * @param matvecs matrix-vector products
   * @param knn15Purity purity of the PC1/PC2 scatter in [0, 1]
   * @param scatterPng the picture
   * @param seconds wall time of the decomposition
   */
  record Result(int n, int components, double[] singularValues, int iterations, int matvecs, double knn15Purity,
      String scatterPng, double seconds) {}

  static Result run(StepContext ctx) throws IOException {
    int n = Math.min(ctx.options.sizes().svdRows(), ctx.trainX.rows());
    int nv = Math.min(COMPONENTS, Math.min(n, ctx.trainX.cols()) - 1);
    ctx.heading(4, "Truncated SVD (irlba, nv = " + nv + ")");
    FloatMatrix x = ctx.trainXHead(n);
    long t0 = System.nanoTime();
    SvdResult svd = TruncatedSvd.builder().nv(nv).seed(ctx.options.seed()).threads(ctx.options.threads()).build()
        .fit(x);
    double seconds = StepContext.seconds(t0);
    double[] d = svd.singularValues();
    FloatMatrix pcs = FloatMatrix.zeros(n, 2);
    for (int i = 0; i < n; i++) {
      pcs.set(i, 0, (float) (svd.u().get(i, 0) * d[0]));
      pcs.set(i, 1, (float) (svd.u().get(i, 1) * d[1]));
    }
    int[] labels = ctx.trainYHead(n);
    double purity = EmbeddingQuality.knnPurity(pcs, labels);
    Path png = ctx.out().resolve("svd.png");
    ScatterPlot.write(pcs, 0, 1, labels, ChartOptions.builder().title("PC1 against PC2, " + n + " images")
        .axisLabels("PC1", "PC2").classNames(ctx.data.classNames().toArray(String[]::new)).build(), png);
    ctx.say("%d x %d in %.2f s (%d restarts, %d products); d[1..5] = %s", n, x.cols(), seconds, svd.iterations(),
        svd.matrixVectorProducts(), Arrays.toString(Arrays.stream(d).limit(5).map(v -> Math.round(v * 10) / 10.0)
            .toArray()));
    ctx.say("kNN-15 purity of PC1/PC2: %.4f; scatter written to %s", purity, png.getFileName());
    return new Result(n, nv, d, svd.iterations(), svd.matrixVectorProducts(), purity, png.getFileName().toString(),
        seconds);
  }
}
