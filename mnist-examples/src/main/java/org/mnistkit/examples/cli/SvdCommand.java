package org.mnistkit.examples.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mnistkit.core.data.MnistDataset;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.eda.svd.Pca;
import org.mnistkit.eda.svd.SvdResult;
import org.mnistkit.eda.svd.TruncatedSvd;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mnistkit svd}: the truncated SVD of the scaled training matrix, uncentred as the
 * walkthrough calls {@code irlba(A = train_images, nv = 30)}, or centred (PCA) with --center.
 */
@Command(name = "svd", mixinStandardHelpOptions = true,
    description = "Truncated SVD (irlba's algorithm) of the first n scaled training images.")
public final class SvdCommand implements Callable<Integer> {

  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(names = "--components", defaultValue = "30", description = "Singular triplets nv. Default: ${DEFAULT-VALUE}.")
  int components;

  @Option(names = "--train-size", description = "Use the first n training images. Default: all (60000).")
  Integer trainSize;

  @Option(names = "--center", description = "Centre the columns first (PCA, like prcomp_irlba).")
  boolean center;

  /**
   * What {@code mnistkit svd --json} prints.
   *
   * @param n rows used
   * @param components nv
   * @param seconds wall time of the decomposition only
   * @param singularValues nv values, descending
   * @param iterations restarts of the Lanczos process
   * @param matvecs matrix-vector products
   * @param centered whether the columns were centred
   * @param converged false when the restart limit was reached first
   */
  public record Result(int n, int components, double seconds, double[] singularValues, int iterations,
      int matvecs, boolean centered, boolean converged) {}

  @Override
  public Integer call() throws Exception {
    MnistDataset data = common.load();
    int n = CommonOptions.trainSize(trainSize, 2, data);
    FloatMatrix x = data.train().head(n).toScaledMatrix();
    long t0 = System.nanoTime();
    SvdResult svd = CommonOptions.namingOptions(Map.of("nv", "--components", "nComponents", "--components"),
        () -> center
            ? Pca.builder().nComponents(components).seed(common.seed()).threads(common.threads()).build().fit(x).svd()
            : TruncatedSvd.builder().nv(components).seed(common.seed()).threads(common.threads()).build().fit(x));
    double seconds = (System.nanoTime() - t0) / 1e9;
    Result r = new Result(n, components, seconds, svd.singularValues(), svd.iterations(),
        svd.matrixVectorProducts(), center, svd.converged());
    PrintWriter out = spec.commandLine().getOut();
    if (common.json()) {
      JsonOutput.print(r, out);
    } else {
      out.printf(Locale.ROOT, "%s of %d x %d: %d singular values in %.2f s (%d restarts, %d products%s)%n",
          center ? "PCA" : "truncated SVD", n, x.cols(), components, seconds, r.iterations(), r.matvecs(),
          r.converged() ? "" : ", NOT converged");
      out.println(Arrays.toString(Arrays.stream(r.singularValues()).map(v -> Math.round(v * 1000) / 1000.0).toArray()));
    }
    out.flush();
    return 0;
  }
}
