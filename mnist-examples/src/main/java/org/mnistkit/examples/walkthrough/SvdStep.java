package org.mnistkit.examples.walkthrough;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.eda.plot.ChartOptions;
import org.mnistkit.eda.plot.ScatterPlot;
import org.mnistkit.eda.plot.ScreePlot;
import org.mnistkit.eda.quality.EmbeddingQuality;
import org.mnistkit.eda.svd.SvdResult;
import org.mnistkit.eda.svd.TruncatedSvd;

/**
 * Step 4: {@code irlba(A = train_images, nv = 30)}, uncentred as the walkthrough calls it, and the
 * scatter of the first two singular coordinates (U times d; not principal components, since the
 * columns are not centred) coloured by label, judged by its kNN-15 purity rather than by eye.
 * {@code mnistkit svd} draws the same scatter through {@link #scatter}.
 */
public final class SvdStep {

  static final int COMPONENTS = 30;

  private SvdStep() {}

  /**
   * @param n rows decomposed
   * @param components nv
   * @param singularValues descending
   * @param iterations Lanczos restarts
   * @param matvecs matrix-vector products
   * @param knn15Purity purity of the scatter of the first two coordinates, in [0, 1]
   * @param scatterPng the picture
   * @param seconds wall time of the decomposition
   * @param totalSumOfSquares {@code ||X||_F^2}, the sum of the squared entries of the decomposed rows
   * @param explainedShare {@code d_i^2 / ||X||_F^2} per component, in [0, 1]
   * @param screePng the scree plot of the singular values and their shares
   */
  record Result(int n, int components, double[] singularValues, int iterations, int matvecs, double knn15Purity,
      String scatterPng, double seconds, double totalSumOfSquares, double[] explainedShare, String screePng) {}

  /**
   * Plots the first two coordinates, U times d, coloured by label. The uncentred SVD's are not
   * principal components (its first axis mostly measures the mean image), so they are named for
   * what they are; only a centred decomposition's are called PC1 and PC2.
   *
   * @param svd a decomposition with at least 2 components
   * @param labels one label per row of U
   * @param classNames names of the labels, for the legend
   * @param centred whether the columns were centred first (PCA)
   * @param png the picture to write
   * @return the kNN-15 purity of the two coordinates, in [0, 1]
   * @throws IOException when the picture cannot be written
   */
  public static double scatter(SvdResult svd, int[] labels, List<String> classNames, boolean centred, Path png)
      throws IOException {
    FloatMatrix pcs = coordinates(svd);
    String[] axes = axisLabels(centred);
    ScatterPlot.write(pcs, 0, 1, labels, ChartOptions.builder().title(title(centred, pcs.rows()))
        .axisLabels(axes[0], axes[1]).classNames(classNames.toArray(String[]::new)).scale(StepContext.PLOT_SCALE)
        .build(), png);
    return EmbeddingQuality.knnPurity(pcs, labels);
  }

  /** @return the n x 2 matrix of the first two coordinates, U times d */
  static FloatMatrix coordinates(SvdResult svd) {
    int n = svd.u().rows();
    double[] d = svd.singularValues();
    FloatMatrix pcs = FloatMatrix.zeros(n, 2);
    for (int i = 0; i < n; i++) {
      pcs.set(i, 0, (float) (svd.u().get(i, 0) * d[0]));
      pcs.set(i, 1, (float) (svd.u().get(i, 1) * d[1]));
    }
    return pcs;
  }

  /** @return the scatter's title */
  static String title(boolean centred, int n) {
    return (centred ? "PC1 against PC2, " : "First two singular coordinates (uncentred), ") + n + " images";
  }

  /** @return the x and y axis names of the scatter: PC1, PC2 when centred, else the singular vectors times d */
  static String[] axisLabels(boolean centred) {
    return centred ? new String[] {"PC1", "PC2"}
        : new String[] {"first left singular vector x d1", "second left singular vector x d2"};
  }

  static Result run(StepContext ctx) throws IOException {
    int n = Math.min(ctx.options.sizes().svdRows(), ctx.trainX.rows());
    int nv = Math.min(COMPONENTS, Math.min(n, ctx.trainX.cols()) - 1);
    ctx.heading(4, "Truncated SVD (irlba, nv = " + nv + ")");
    FloatMatrix x = ctx.trainXHead(n);
    long t0 = System.nanoTime();
    SvdResult svd;
    try (ConsoleProgress progress = ctx.progress("SVD", "singular values converged")) {
      svd = TruncatedSvd.builder().nv(nv).seed(ctx.options.seed()).threads(ctx.options.threads()).build()
          .fit(x, progress);
    }
    double seconds = StepContext.seconds(t0);
    double[] d = svd.singularValues();
    int[] labels = ctx.trainYHead(n);
    Path png = ctx.file("svd.png");
    double purity = scatter(svd, labels, ctx.data.classNames(), false, png);
    String[] axes = axisLabels(false);
    ctx.views.write(new EmbeddingData.View("svd", title(false, n), axes[0], axes[1], coordinates(svd), labels,
        ctx.data.classNames()));
    ctx.say("%d x %d in %.2f s (%d restarts, %d products); d[1..5] = %s", n, x.cols(), seconds, svd.iterations(),
        svd.matrixVectorProducts(), Arrays.toString(Arrays.stream(d).limit(5).map(v -> Math.round(v * 10) / 10.0)
            .toArray()));
    ctx.say("kNN-15 purity of the first two coordinates: %.4f; scatter written to %s", purity, png.getFileName());
    double total = sumOfSquares(x);
    double[] share = ScreePlot.explainedShare(d, total);
    Path scree = ctx.file("svd-scree.png");
    ScreePlot.write(d, total, ChartOptions.builder().title("Scree plot: " + nv + " singular values of " + n
        + " x " + x.cols()).scale(StepContext.PLOT_SCALE).build(), scree);
    ctx.say("the %d components explain %.1f%% of the sum of squares (the first %.1f%%); scree plot written to %s",
        nv, 100 * Arrays.stream(share).sum(), 100 * share[0], scree.getFileName());
    return new Result(n, nv, d, svd.iterations(), svd.matrixVectorProducts(), purity, png.getFileName().toString(),
        seconds, total, share, scree.getFileName().toString());
  }

  /** @return {@code ||x||_F^2}, the sum of the squared entries, summed in double */
  static double sumOfSquares(FloatMatrix x) {
    double sum = 0;
    for (int i = 0; i < x.rows(); i++) {
      java.nio.FloatBuffer row = x.row(i);
      for (int j = 0; j < x.cols(); j++) {
        double v = row.get(j);
        sum += v * v;
      }
    }
    return sum;
  }
}
