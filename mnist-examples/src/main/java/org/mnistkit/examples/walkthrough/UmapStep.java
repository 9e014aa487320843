package org.mnistkit.examples.walkthrough;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.eda.plot.ChartOptions;
import org.mnistkit.eda.plot.ScatterPlot;
import org.mnistkit.eda.quality.EmbeddingQuality;
import org.mnistkit.eda.umap.Umap;
import org.mnistkit.eda.umap.UmapModel;

/**
 * Step 5: {@code uwot::umap(train_images, n_neighbors = 15, min_dist = 0.001, pca = 50)}, plotted
 * by label and judged by kNN-15 purity and trustworthiness. {@code mnistkit umap} runs the same
 * code through {@link #embed}.
 */
public final class UmapStep {

  /** Points sampled for trustworthiness, which costs O(sample * n). */
  public static final int TRUST_SAMPLE = 2000;

  private UmapStep() {}

  /**
   * @param n rows embedded
   * @param seconds wall time of the fit (PCA, neighbours, graph, initialisation, optimisation)
   * @param knn15Purity kNN-15 purity in [0, 1]
   * @param trustworthiness of 15 neighbours on a sample of {@link #TRUST_SAMPLE}, in [0, 1]
   * @param png the scatter plot's path
   */
  public record Result(int n, double seconds, double knn15Purity, double trustworthiness, String png) {}

  /**
   * Fits UMAP, measures the embedding and plots it.
   *
   * @param umap the settings
   * @param x n x p scaled images
   * @param labels n labels, for purity and colours
   * @param classNames one name per label, for the legend
   * @param png the scatter plot to write
   * @return time and quality
   * @throws IOException when the plot cannot be written
   */
  public static Result embed(Umap umap, FloatMatrix x, int[] labels, List<String> classNames, Path png)
      throws IOException {
    long t0 = System.nanoTime();
    UmapModel model = umap.fit(x);
    double seconds = StepContext.seconds(t0);
    double purity = EmbeddingQuality.knnPurity(model.embedding(), labels);
    double trust = EmbeddingQuality.trustworthiness(x, model.embedding(), 15, TRUST_SAMPLE, umap.seed());
    ScatterPlot.write(model.embedding(), 0, 1, labels, ChartOptions.builder().title("UMAP of " + x.rows()
        + " images").axisLabels("UMAP1", "UMAP2").classNames(classNames.toArray(String[]::new)).build(), png);
    return new Result(x.rows(), seconds, purity, trust, png.toString());
  }

  static Result run(StepContext ctx) throws IOException {
    int n = Math.min(ctx.options.sizes().umapRows(), ctx.trainX.rows());
    ctx.heading(5, "UMAP (n_neighbors 15, min_dist 0.001, pca 50) of " + n + " images");
    Umap umap = Umap.builder().nNeighbors(15).minDist(0.001).pca(Math.min(50, n - 1)).seed(ctx.options.seed())
        .threads(ctx.options.threads()).sgdThreads(1).build();
    Result r = embed(umap, ctx.trainXHead(n), ctx.trainYHead(n), ctx.data.classNames(), ctx.out().resolve("umap.png"));
    ctx.say("%.1f s; kNN-15 purity %.4f, trustworthiness %.4f; scatter written to umap.png", r.seconds(),
        r.knn15Purity(), r.trustworthiness());
    return new Result(r.n(), r.seconds(), r.knn15Purity(), r.trustworthiness(), "umap.png");
  }
}
