package org.mnistkit.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.mnistkit.core.data.DatasetLoader;
import org.mnistkit.core.data.DatasetSpec;
import org.mnistkit.core.data.MnistDataset;
import picocli.CommandLine.Option;

/** The options every {@code mnistkit} subcommand takes (a picocli mixin). */
public final class CommonOptions {

  @Option(names = "--dataset", defaultValue = "mnist", paramLabel = "mnist|fashion",
      description = "Dataset: mnist or fashion (Fashion-MNIST). Default: ${DEFAULT-VALUE}.")
  String dataset;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Read the four IDX files (plain or .gz) from DIR instead of the verified cache.")
  Path dataDir;

  @Option(names = "--seed", defaultValue = "123", description = "Random seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--threads", paramLabel = "N",
      description = "Worker threads, at least 1. Default: all cores.")
  Integer threads;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "mnistkit-report",
      description = "Folder for pictures and reports. Default: ${DEFAULT-VALUE}.")
  Path out;

  @Option(names = "--json", description = "Print exactly one JSON object (snake_case keys) on stdout; "
      + "all logging goes to stderr.")
  boolean json;

  @Option(names = "--quiet", description = "No progress bars or messages on stderr.")
  boolean quiet;

  /** @return the dataset spec named by --dataset */
  public DatasetSpec spec() {
    return DatasetSpec.byName(dataset);
  }

  /** @return the seed, default 123 */
  public long seed() {
    return seed;
  }

  /**
   * @return the thread count from --threads, else the number of available processors
   * @throws IllegalArgumentException when --threads is below 1
   */
  public int threads() {
    if (threads == null) {
      return Runtime.getRuntime().availableProcessors();
    }
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
    }
    return threads;
  }

  /** @return the --data-dir folder, or null to use the verified cache */
  public Path dataDir() {
    return dataDir;
  }

  /** @return the --out folder */
  public Path out() {
    return out;
  }

  /** @return whether --json was given */
  public boolean json() {
    return json;
  }

  /** @return whether --quiet was given */
  public boolean quiet() {
    return quiet;
  }

  /**
   * Loads the dataset: from --data-dir when given, else from the verified cache (fetched on first use).
   *
   * @return the dataset
   * @throws IOException when it cannot be loaded; the message says why and what to do
   */
  public MnistDataset load() throws IOException {
    DatasetSpec spec = spec();
    if (dataDir != null) {
      return DatasetLoader.read(dataDir, spec, "folder " + dataDir);
    }
    return DatasetLoader.builder().quiet(quiet).build().load(spec);
  }

  /**
   * Checks a {@code --train-size} against the loaded training split.
   *
   * @param requested the option's value, or null for all training images
   * @param min the smallest size the command can work with
   * @param data the loaded dataset
   * @return requested when in min..n, or n when null
   * @throws IllegalArgumentException naming the value and the valid range otherwise
   */
  public static int trainSize(Integer requested, int min, MnistDataset data) {
    int n = data.train().size();
    if (requested == null) {
      return n;
    }
    if (requested < min || requested > n) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
          "--train-size must be in %d..%d, got %d", min, n, requested));
    }
    return requested;
  }

  /** A computation whose setting errors should name the command-line options. */
  @FunctionalInterface
  public interface Step<T> {
    /** @return the result */
    T run() throws Exception;
  }

  /**
   * Runs a step that configures and runs a library model. The libraries name their settings
   * ("nv must be >= 1, got 0"); when the message of an IllegalArgumentException starts with one of
   * the given setting names, it is rethrown naming the option too:
   * "--components (nv) must be >= 1, got 0". Other exceptions pass unchanged.
   *
   * @param options library setting name to command-line option, e.g. "nv" to "--components"
   * @param step the computation
   * @return its result
   * @throws Exception what the step throws, reworded as above
   */
  public static <T> T namingOptions(Map<String, String> options, Step<T> step) throws Exception {
    try {
      return step.run();
    } catch (IllegalArgumentException e) {
      String message = String.valueOf(e.getMessage());
      for (Map.Entry<String, String> o : options.entrySet()) {
        if (message.startsWith(o.getKey() + " ")) {
          throw new IllegalArgumentException(
              o.getValue() + " (" + o.getKey() + ")" + message.substring(o.getKey().length()), e);
        }
      }
      throw e;
    }
  }

  /** Prints a progress or status line to stderr unless --quiet. */
  public void log(String line) {
    if (!quiet) {
      System.err.println(line);
    }
  }
}
