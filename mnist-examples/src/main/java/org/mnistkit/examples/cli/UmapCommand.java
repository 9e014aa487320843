package org.mnistkit.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mnistkit.core.data.LabeledImages;
import org.mnistkit.core.data.MnistDataset;
import org.mnistkit.eda.umap.Umap;
import org.mnistkit.examples.walkthrough.UmapStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mnistkit umap}: UMAP of the first n scaled training images with uwot's parameters, as
 * the walkthrough calls {@code umap(train_images, n_neighbors = 15, min_dist = 0.001, pca = 50)},
 * judged by kNN-15 purity and trustworthiness, plotted to {@code umap.png} in --out. Prints
 * {@link UmapStep.Result} with --json: {@code n, seconds, knn15_purity, trustworthiness, png}, and
 * {@code peak_heap_mib} (see {@link JsonOutput#printWithPeakHeap}).
 */
@Command(name = "umap", mixinStandardHelpOptions = true,
    description = "UMAP of the first n scaled training images (uwot's parameters); writes umap.png into --out.")
public final class UmapCommand implements Callable<Integer>, OutUse {

  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(names = "--neighbors", paramLabel = "N", defaultValue = "15",
      description = "Nearest neighbours of each point (uwot's n_neighbors), at least 2. "
      + "Default: ${DEFAULT-VALUE}.")
  int neighbors;

  @Option(names = "--min-dist", paramLabel = "X", defaultValue = "0.001",
      description = "Smallest distance between embedded points (uwot's min_dist), in [0, 1] (1 is uwot's spread). "
      + "Default: ${DEFAULT-VALUE}.")
  double minDist;

  @Option(names = "--pca", paramLabel = "N", defaultValue = "50",
      description = "Reduce to this many centred components first; 0 for none. Default: ${DEFAULT-VALUE}.")
  int pca;

  @Option(names = "--train-size", paramLabel = "N", description = "Use the first n training images. Default: all (60000).")
  Integer trainSize;

  @Option(names = "--sgd-threads", paramLabel = "N", defaultValue = "1",
      description = "Threads of the optimisation; 1 is fully reproducible. Default: ${DEFAULT-VALUE}.")
  int sgdThreads;

  /** The library's setting names for this command's options. */
  private static final Map<String, String> OPTIONS = Map.of("nNeighbors", "--neighbors", "minDist", "--min-dist",
      "pca", "--pca", "sgdThreads", "--sgd-threads");

  @Override
  public String whyNoOut() {
    return null; // umap.png
  }

  @Override
  public Integer call() throws Exception {
    if (pca < 0) {
      throw new IllegalArgumentException("--pca must be >= 0 (0 for no PCA), got " + pca);
    }
    MnistDataset data = common.load();
    LabeledImages train = data.train().head(CommonOptions.trainSize(trainSize, 3, data));
    var x = train.toScaledMatrix();
    Path png = common.out().resolve("umap.png");
    UmapStep.Result r = CommonOptions.namingOptions(OPTIONS, () -> {
      Umap.Builder b = Umap.builder().nNeighbors(neighbors).minDist(minDist).seed(common.seed())
          .threads(common.threads()).sgdThreads(sgdThreads).verbose(!common.quiet() && !common.json());
      if (pca > 0) {
        b.pca(pca);
      }
      return UmapStep.embed(b.build(), x, train.labels(), data.classNames(), png);
    });
    PrintWriter out = spec.commandLine().getOut();
    if (common.json()) {
      JsonOutput.printWithPeakHeap(r, out);
    } else {
      out.printf(Locale.ROOT, "UMAP of %d images in %.1f s: kNN-15 purity %.4f, trustworthiness %.4f; plot %s%n",
          r.n(), r.seconds(), r.knn15Purity(), r.trustworthiness(), r.png());
    }
    out.flush();
    return 0;
  }
}
