package org.mnistkit.examples.walkthrough;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.mnistkit.core.model.Embedding;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.eda.knn.ExactKnn;
import org.mnistkit.eda.knn.KnnGraph;
import org.mnistkit.eda.knn.Metric;
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

  /** Test images placed into the fitted embedding by {@code transform} in the walkthrough. */
  static final int PLACED_TEST_ROWS = 1000;

  private UmapStep() {}

  /**
   * @param n rows embedded
   * @param seconds wall time of the fit (PCA, neighbours, graph, initialisation, optimisation)
   * @param knn15Purity kNN-15 purity in [0, 1]
   * @param trustworthiness of 15 neighbours on a sample of {@link #TRUST_SAMPLE}, in [0, 1]
   * @param png the scatter plot's path
   * @param placedTestRows test images placed into the embedding with {@code transform} (0 when none)
   * @param placedKnn15Accuracy the share of placed test images whose 15 nearest training points in the
   *     embedding vote for their true label, in [0, 1]; NaN when none were placed
   * @param transformSeconds wall time of placing them
   */
  public record Result(int n, double seconds, double knn15Purity, double trustworthiness, String png,
      int placedTestRows, double placedKnn15Accuracy, double transformSeconds) {}

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
    return embed(umap, x, labels, classNames, png, null, null);
  }

  /**
   * Fits UMAP, measures the embedding, plots it, and places test images into it through the
   * {@link Embedding} contract (uwot's {@code umap_transform}), scored by the vote of their 15
   * nearest training points.
   *
   * @param umap the settings
   * @param x n x p scaled images
   * @param labels n labels, for purity and colours
   * @param classNames one name per label, for the legend
   * @param png the scatter plot to write
   * @param testX m x p test images to place, or null for none
   * @param testLabels their m labels, or null
   * @return time and quality
   * @throws IOException when the plot cannot be written
   */
  public static Result embed(Umap umap, FloatMatrix x, int[] labels, List<String> classNames, Path png,
      FloatMatrix testX, int[] testLabels) throws IOException {
    return embedAndKeep(umap, x, labels, classNames, png, testX, testLabels).result();
  }

  /**
   * What {@link #embed} measured, and the embedding itself.
   *
   * @param result time and quality
   * @param embedding n x 2 coordinates of the training rows
   */
  record Embedded(Result result, FloatMatrix embedding) {}

  /** {@link #embed}, keeping the coordinates for the report's interactive view. */
  static Embedded embedAndKeep(Umap umap, FloatMatrix x, int[] labels, List<String> classNames, Path png,
      FloatMatrix testX, int[] testLabels) throws IOException {
    long t0 = System.nanoTime();
    UmapModel model = umap.fit(x);
    double seconds = StepContext.seconds(t0);
    double purity = EmbeddingQuality.knnPurity(model.embedding(), labels);
    double trust = EmbeddingQuality.trustworthiness(x, model.embedding(), 15, TRUST_SAMPLE, umap.seed());
    ScatterPlot.write(model.embedding(), 0, 1, labels, ChartOptions.builder().title("UMAP of " + x.rows()
        + " images").axisLabels("UMAP1", "UMAP2").classNames(classNames.toArray(String[]::new))
        .scale(StepContext.PLOT_SCALE).build(), png);
    if (testX == null) {
      return new Embedded(new Result(x.rows(), seconds, purity, trust, png.toString(), 0, Double.NaN, 0),
          model.embedding());
    }
    Embedding embedding = model;
    long t1 = System.nanoTime();
    FloatMatrix placed = embedding.transform(testX, umap.threads());
    double transformSeconds = StepContext.seconds(t1);
    double accuracy = knnVoteAccuracy(model.embedding(), labels, placed, testLabels, umap.threads());
    return new Embedded(new Result(x.rows(), seconds, purity, trust, png.toString(), testX.rows(), accuracy,
        transformSeconds), model.embedding());
  }

  /** The share of queries whose 15 nearest reference points vote (ties: lowest label) for their label. */
  static double knnVoteAccuracy(FloatMatrix reference, int[] referenceLabels, FloatMatrix queries,
      int[] queryLabels, int threads) {
    int k = Math.min(EmbeddingQuality.DEFAULT_K, reference.rows());
    KnnGraph g = ExactKnn.search(reference, queries, k, Metric.EUCLIDEAN, threads);
    int classes = java.util.Arrays.stream(referenceLabels).max().orElse(0) + 1;
    int right = 0;
    for (int i = 0; i < queries.rows(); i++) {
      int[] votes = new int[Math.max(classes, queryLabels[i] + 1)];
      for (int r = 0; r < k; r++) {
        votes[referenceLabels[g.index(i, r)]]++;
      }
      int best = 0;
      for (int c = 1; c < votes.length; c++) {
        best = votes[c] > votes[best] ? c : best;
      }
      right += best == queryLabels[i] ? 1 : 0;
    }
    return (double) right / queries.rows();
  }

  static Result run(StepContext ctx) throws IOException {
    int n = Math.min(ctx.options.sizes().umapRows(), ctx.trainX.rows());
    ctx.heading(5, "UMAP (n_neighbors 15, min_dist 0.001, pca 50) of " + n + " images");
    Umap umap = Umap.builder().nNeighbors(15).minDist(0.001).pca(Math.min(50, n - 1)).seed(ctx.options.seed())
        .threads(ctx.options.threads()).sgdThreads(1).verbose(ctx.showsProgress()).build();
    int m = Math.min(PLACED_TEST_ROWS, ctx.testRows());
    Embedded e = embedAndKeep(umap, ctx.trainXHead(n), ctx.trainYHead(n), ctx.data.classNames(),
        ctx.file("umap.png"), ctx.testX.rowRange(0, m), ctx.data.test().head(m).labels());
    Result r = e.result();
    ctx.views.write(new EmbeddingData.View("umap", "UMAP of " + n + " images", "UMAP1", "UMAP2", e.embedding(),
        ctx.trainYHead(n), ctx.data.classNames()));
    ctx.say("%.1f s; kNN-15 purity %.4f, trustworthiness %.4f; scatter written to umap.png", r.seconds(),
        r.knn15Purity(), r.trustworthiness());
    ctx.say("%d test images placed by transform in %.1f s; kNN-15 vote accuracy %.4f", m, r.transformSeconds(),
        r.placedKnn15Accuracy());
    return new Result(r.n(), r.seconds(), r.knn15Purity(), r.trustworthiness(), "umap.png", r.placedTestRows(),
        r.placedKnn15Accuracy(), r.transformSeconds());
  }
}
