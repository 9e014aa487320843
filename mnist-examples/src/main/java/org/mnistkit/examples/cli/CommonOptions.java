package org.mnistkit.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.mnistkit.core.data.CsvLabelColumn;
import org.mnistkit.core.data.DataFormat;
import org.mnistkit.core.data.DatasetSpec;
import org.mnistkit.core.data.MnistDataset;
import org.mnistkit.core.data.PngConversion;
import org.mnistkit.core.data.UserData;
import org.mnistkit.examples.walkthrough.DataChoice;
import picocli.CommandLine.Option;

/** The options every {@code mnistkit} subcommand takes (a picocli mixin). */
public final class CommonOptions {

  @Option(names = "--dataset", paramLabel = "mnist|fashion",
      description = "Dataset: mnist or fashion (Fashion-MNIST). Default: mnist. With --data-dir, its name and "
          + "class names are given to the folder's data.")
  String dataset;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Read your own data from DIR instead of the verified cache: IDX files, train.csv and test.csv, "
          + "or train/ and test/ folders of PNG class folders.")
  Path dataDir;

  @Option(names = "--format", paramLabel = "idx|csv|png-folder",
      description = "The form of --data-dir. Default: detected (train.csv: csv; a train/ folder: png-folder; "
          + "a file named *idx3-ubyte[.gz]: idx).")
  String format;

  @Option(names = "--csv-label", paramLabel = "auto|first|last|none", defaultValue = "auto",
      description = "Where the label is in CSV rows. auto: the header's 'label' column; without a header, "
          + "first when the column count minus one is square, none when it is square. Default: ${DEFAULT-VALUE}.")
  String csvLabel;

  @Option(names = "--invert", paramLabel = "auto|always|never", defaultValue = "auto",
      description = "PNG images: turn dark ink on light paper into MNIST's light on dark. auto: when the border "
          + "is light. Default: ${DEFAULT-VALUE}.")
  String invert;

  @Option(names = "--transpose", description = "Transpose every image (EMNIST stores its images transposed).")
  boolean transpose;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "123", description = "Random seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--threads", paramLabel = "N",
      description = "Worker threads, at least 1. Default: all cores.")
  Integer threads;

  /** The --out folder when none is given. */
  public static final Path DEFAULT_OUT = Path.of("mnistkit-report");

  @Option(names = "--out", paramLabel = "DIR",
      description = "Folder for pictures and reports, created if missing and checked before any work. "
          + "Only the commands that write files take it. Default: mnistkit-report.")
  Path out;

  @Option(names = "--json", description = "Print exactly one JSON object (snake_case keys) on stdout; "
      + "all logging goes to stderr.")
  boolean json;

  @Option(names = "--quiet", description = "No progress bars or messages on stderr.")
  boolean quiet;

  /** @return the dataset spec named by --dataset, MNIST when none is named */
  public DatasetSpec spec() {
    return DatasetSpec.byName(dataset == null ? "mnist" : dataset);
  }

  /**
   * @return the data these options select: the named dataset from the cache, or --data-dir read as
   *     --format, --csv-label, --invert and --transpose say
   * @throws IllegalArgumentException when an option value is unknown, or a --data-dir option is given
   *     without --data-dir
   */
  public DataChoice data() {
    DatasetSpec named = dataset == null ? null : DatasetSpec.byName(dataset);
    UserData.Builder reader = UserData.reader().csvLabelColumn(CsvLabelColumn.parse(csvLabel))
        .pngConversion(new PngConversion(28, PngConversion.Inversion.parse(invert))).transpose(transpose)
        .format(format == null ? null : DataFormat.parse(format));
    if (dataDir == null && (format != null || transpose)) {
      throw new IllegalArgumentException((format != null ? "--format" : "--transpose")
          + " applies to --data-dir, which is not given");
    }
    return new DataChoice(named, dataDir, reader.build());
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

  /** @return the --out folder, {@link #DEFAULT_OUT} when none was given */
  public Path out() {
    return out == null ? DEFAULT_OUT : out;
  }

  /**
   * Checks every shared option before a command does any work: --threads, the data options, and
   * --out (created and tested by writing a file into it, or rejected when the command writes
   * nothing there). {@link MnistkitCommand#commandLine()} calls it for every subcommand, so the
   * rules are the same everywhere.
   *
   * @param command the subcommand's name, for the messages
   * @param whyNoOut null when the command writes into --out; otherwise why --out does not apply
   *     and what to give instead
   * @throws IllegalArgumentException naming the option, the value and the reason
   */
  void check(String command, String whyNoOut) {
    threads();
    data();
    if (whyNoOut == null) {
      WritableFolder.prepare("--out " + out(), out());
    } else if (out != null) {
      throw new IllegalArgumentException("--out does not apply to " + command + ": " + whyNoOut);
    }
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
   * Loads the dataset: from --data-dir when given (see {@link #data()}), else from the verified cache
   * (fetched on first use).
   *
   * @return the dataset
   * @throws IOException when it cannot be loaded; the message says why and what to do
   */
  public MnistDataset load() throws IOException {
    return data().load(quiet);
  }

  /**
   * Loads like {@link #load()} for a command that scores a model on the test split.
   *
   * @param command the command's name, for the message
   * @return the dataset, whose test split has labels
   * @throws IOException when it cannot be loaded
   * @throws IllegalArgumentException when the test split has no labels (Kaggle's test.csv), before any fit
   */
  public MnistDataset loadWithTestLabels(String command) throws IOException {
    MnistDataset d = load();
    DataChoice.requireTestLabels(d, command);
    return d;
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
   * the given setting names, it is rethrown with the option in its place, so that a user reads
   * only names they typed: "--components must be >= 1, got 0". Other exceptions pass unchanged.
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
              o.getValue() + message.substring(o.getKey().length()), e);
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
