package org.mnistkit.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mnistkit.core.data.MnistDataset;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.eda.svd.Pca;
import org.mnistkit.eda.svd.SvdResult;
import org.mnistkit.eda.svd.TruncatedSvd;
import org.mnistkit.examples.walkthrough.SvdStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mnistkit svd}: the truncated SVD of the scaled training matrix, uncentred as the
 * walkthrough calls {@code irlba(A = train_images, nv = 30)}, or centred (PCA) with --center; the
 * scatter of the first two coordinates coloured by label is written to {@code svd.png} in --out,
 * as {@code umap} writes {@code umap.png}.
 */
@Command(name = "svd", mixinStandardHelpOptions = true,
    description = "Truncated SVD (irlba's algorithm) of the first n scaled training images; writes the scatter "
        + "of the first two coordinates, coloured by label, to svd.png in --out.")
public final class SvdCommand implements Callable<Integer>, OutUse {

  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(names = "--components", paramLabel = "N", defaultValue = "30",
      description = "Singular values and vectors to compute (irlba's nv), at least 2. Default: ${DEFAULT-VALUE}.")
  int components;

  @Option(names = "--train-size", paramLabel = "N", description = "Use the first n training images. Default: all (60000).")
  Integer trainSize;

  @Option(names = "--center", description = "Centre the columns first (PCA, like prcomp_irlba).")
  boolean center;

  /**
   * What {@code mnistkit svd --json} prints, followed by {@code peak_heap_mib} (see
   * {@link JsonOutput#printWithPeakHeap}).
   *
   * @param n rows used
   * @param components nv
   * @param seconds wall time of the decomposition only
   * @param singularValues nv values, descending
   * @param iterations restarts of the Lanczos process
   * @param matvecs matrix-vector products
   * @param centered whether the columns were centred
   * @param converged false when the restart limit was reached first
   * @param knn15Purity kNN-15 purity of the scatter of the first two coordinates, in [0, 1]
   * @param png the absolute path of the scatter plot
   */
  public record Result(int n, int components, double seconds, double[] singularValues, int iterations,
      int matvecs, boolean centered, boolean converged, double knn15Purity, String png) {}

  @Override
  public String whyNoOut() {
    return null; // svd.png
  }

  @Override
  public Integer call() throws Exception {
    if (components < 2) {
      throw new IllegalArgumentException("--components must be >= 2 (the scatter shows the first two), got "
          + components);
    }
    MnistDataset data = common.load();
    int n = CommonOptions.trainSize(trainSize, 2, data);
    FloatMatrix x = data.train().head(n).toScaledMatrix();
    long t0 = System.nanoTime();
    SvdResult svd = CommonOptions.namingOptions(Map.of("nv", "--components", "nComponents", "--components"),
        () -> center
            ? Pca.builder().nComponents(components).seed(common.seed()).threads(common.threads()).build().fit(x).svd()
            : TruncatedSvd.builder().nv(components).seed(common.seed()).threads(common.threads()).build().fit(x));
    double seconds = (System.nanoTime() - t0) / 1e9;
    Path png = common.out().resolve("svd.png");
    double purity = SvdStep.scatter(svd, data.train().head(n).labels(), data.classNames(), center, png);
    Result r = new Result(n, components, seconds, svd.singularValues(), svd.iterations(),
        svd.matrixVectorProducts(), center, svd.converged(), purity, png.toAbsolutePath().toString());
    PrintWriter out = spec.commandLine().getOut();
    if (common.json()) {
      JsonOutput.printWithPeakHeap(r, out);
    } else {
      out.printf(Locale.ROOT, "%s of %d x %d: %d singular values in %.2f s (%d restarts, %d products%s)%n",
          center ? "PCA" : "truncated SVD", n, x.cols(), components, seconds, r.iterations(), r.matvecs(),
          r.converged() ? "" : ", NOT converged");
      out.println(Arrays.toString(Arrays.stream(r.singularValues()).map(v -> Math.round(v * 1000) / 1000.0).toArray()));
      out.printf(Locale.ROOT, "kNN-15 purity of the first two coordinates %.4f; plot %s%n", r.knn15Purity(), r.png());
    }
    out.flush();
    return 0;
  }
}
