package org.mnistkit.core.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mnistkit.core.data.DataOrigin;
import org.mnistkit.core.io.FileFormatException;
import org.mnistkit.core.tensor.FloatMatrix;

/**
 * Where a fitted model came from, saved with it and readable after loading: the mnistkit and
 * Java versions that fitted it, when (UTC, to the second), the training data's shape and, when it
 * came from {@code Mnist.load()} or {@code Mnist.fashion()}, the dataset, split and SHA-256 of its
 * files, the settings and seed, and the fit time. Like Tribuo's {@code ModelProvenance}.
 *
 * <p>Models written in format version 1 (before provenance existed) get one from {@link
 * #version1}: their settings, seed and data shape, with the mnistkit version, creation time and
 * fit time unknown. Immutable.
 */
public final class Provenance {

  private static final String UNKNOWN = "unknown";

  private final String mnistkitVersion;
  private final Instant created; // null when unknown
  private final String javaVersion;
  private final int rows;
  private final int cols;
  private final DataOrigin dataset; // null when unknown
  private final SortedMap<String, String> settings;
  private final long seed;
  private final double fitSeconds; // NaN when unknown

  private Provenance(String mnistkitVersion, Instant created, String javaVersion, int rows,
      int cols, DataOrigin dataset, Map<String, String> settings, long seed, double fitSeconds) {
    this.mnistkitVersion = mnistkitVersion;
    this.created = created;
    this.javaVersion = javaVersion;
    this.rows = rows;
    this.cols = cols;
    this.dataset = dataset;
    this.settings = Collections.unmodifiableSortedMap(new TreeMap<>(settings));
    this.seed = seed;
    this.fitSeconds = fitSeconds;
  }

  /**
   * The provenance of a model fitted now, in this JVM.
   *
   * @param x the training rows: their shape, and their {@link FloatMatrix#origin()} when known
   * @param settings the fit's settings by name, with values as the model's builder takes them
   *     (for example {@code trees=500}); keys and values without line breaks, keys without '='
   * @param seed the seed the fit drew its randomness from
   * @param fitSeconds the fit's wall-clock time in seconds, at least 0
   * @return the provenance, stamped with the current time, this library's and Java's versions
   * @throws IllegalArgumentException when a setting has a line break or a key has '=', or
   *     fitSeconds is negative or not finite
   */
  public static Provenance of(FloatMatrix x, Map<String, ?> settings, long seed,
      double fitSeconds) {
    Objects.requireNonNull(x, "x");
    return stampedNow(x.rows(), x.cols(), x.origin().orElse(null), settings, seed,
        checkedFitSeconds(fitSeconds));
  }

  /**
   * The provenance of a model fitted now on rows that are not one {@link FloatMatrix} in this JVM
   * (a forest grown in parts on a cluster, say); as {@link #of(FloatMatrix, Map, long, double)}
   * with no data origin.
   *
   * @param rows training rows, at least 0
   * @param cols features, at least 0
   * @param settings as for {@link #of(FloatMatrix, Map, long, double)}
   * @param seed the seed the fit drew its randomness from
   * @param fitSeconds the fit's wall-clock time in seconds, at least 0
   * @return the provenance, stamped with the current time, this library's and Java's versions
   * @throws IllegalArgumentException as {@link #of(FloatMatrix, Map, long, double)}, and when rows
   *     or cols is negative
   */
  public static Provenance of(int rows, int cols, Map<String, ?> settings, long seed,
      double fitSeconds) {
    if (rows < 0 || cols < 0) {
      throw new IllegalArgumentException("rows and cols must be >= 0, got " + rows + " x " + cols);
    }
    return stampedNow(rows, cols, null, settings, seed, checkedFitSeconds(fitSeconds));
  }

  /**
   * The provenance of a model read from a version-1 file, which recorded only its settings, seed
   * and data shape.
   *
   * @param rows training rows, at least 0
   * @param cols features, at least 0
   * @param settings as for {@link #of}
   * @param seed the seed recorded in the file
   * @return a provenance whose version reads "unknown (format version 1)" and whose creation and
   *     fit times are empty
   */
  public static Provenance version1(int rows, int cols, Map<String, ?> settings, long seed) {
    return new Provenance(UNKNOWN + " (format version 1)", null, UNKNOWN, rows, cols, null,
        checked(settings), seed, Double.NaN);
  }

  /**
   * The provenance of a model that exists but has not been fitted (a compiled network saved
   * before training, as Keras allows): this library's and Java's versions, the current time, the
   * settings and seed, no training data (0 rows) and no fit time.
   *
   * @param cols the features the model expects, at least 0
   * @param settings as for {@link #of}
   * @param seed the model's seed
   * @return the provenance
   * @throws IllegalArgumentException as {@link #of}
   */
  public static Provenance notFitted(int cols, Map<String, ?> settings, long seed) {
    return stampedNow(0, cols, null, settings, seed, Double.NaN);
  }

  /** A provenance made in this JVM now: this library's and Java's versions, the time to the second. */
  private static Provenance stampedNow(int rows, int cols, DataOrigin origin,
      Map<String, ?> settings, long seed, double fitSeconds) {
    return new Provenance(libraryVersion(), Instant.now().truncatedTo(ChronoUnit.SECONDS),
        System.getProperty("java.version", UNKNOWN), rows, cols, origin, checked(settings), seed,
        fitSeconds);
  }

  private static double checkedFitSeconds(double fitSeconds) {
    if (!(fitSeconds >= 0) || Double.isInfinite(fitSeconds)) {
      throw new IllegalArgumentException("fitSeconds must be finite and >= 0, got " + fitSeconds);
    }
    return fitSeconds;
  }

  private static Map<String, String> checked(Map<String, ?> settings) {
    Map<String, String> out = new TreeMap<>();
    settings.forEach((k, v) -> {
      String value = String.valueOf(v);
      if (k.isEmpty() || k.contains("=") || (k + value).contains("\n") || (k + value).contains("\r")) {
        throw new IllegalArgumentException("setting '" + k + "' = '" + value
            + "' must have a non-empty key without '=' and no line breaks");
      }
      out.put(k, value);
    });
    return out;
  }

  /** @return the version of mnistkit on the class path, from mnist-core's build, such as {@code 0.2.0-SNAPSHOT} */
  public static String libraryVersion() {
    try (InputStream in = Provenance.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", UNKNOWN);
    } catch (IOException e) {
      return UNKNOWN;
    }
  }

  /** @return the mnistkit version that fitted the model */
  public String mnistkitVersion() {
    return mnistkitVersion;
  }

  /** @return when the model was fitted (UTC, whole seconds); empty for version-1 files */
  public Optional<Instant> created() {
    return Optional.ofNullable(created);
  }

  /** @return the {@code java.version} of the JVM that fitted the model */
  public String javaVersion() {
    return javaVersion;
  }

  /** @return the training data's shape {@code [rows, cols]}, such as {@code [60000, 784]} */
  public int[] dataShape() {
    return new int[] {rows, cols};
  }

  /** @return the dataset split the training rows came from, when it was known (see {@link DataOrigin}) */
  public Optional<DataOrigin> dataset() {
    return Optional.ofNullable(dataset);
  }

  /** @return the settings by name, sorted, unmodifiable */
  public SortedMap<String, String> settings() {
    return settings;
  }

  /** @return the seed the fit drew its randomness from */
  public long seed() {
    return seed;
  }

  /** @return the fit's wall-clock seconds; empty for version-1 files and models not fitted */
  public OptionalDouble fitSeconds() {
    return Double.isNaN(fitSeconds) ? OptionalDouble.empty() : OptionalDouble.of(fitSeconds);
  }

  /**
   * The entries as they are saved: {@code mnistkit.version}, {@code created}, {@code java.version},
   * {@code data.rows}, {@code data.cols}, {@code data.dataset}, {@code data.split}, {@code
   * data.sha256.<file>}, {@code seed}, {@code fit.seconds} and {@code setting.<name>}; unknown
   * values are left out.
   *
   * @return the entries, sorted by key
   */
  public SortedMap<String, String> toProperties() {
    SortedMap<String, String> p = new TreeMap<>();
    p.put("mnistkit.version", mnistkitVersion);
    if (created != null) {
      p.put("created", created.toString());
    }
    p.put("java.version", javaVersion);
    p.put("data.rows", Integer.toString(rows));
    p.put("data.cols", Integer.toString(cols));
    if (dataset != null) {
      p.put("data.dataset", dataset.dataset());
      p.put("data.split", dataset.split());
      dataset.sha256().forEach((file, hex) -> p.put("data.sha256." + file, hex));
    }
    p.put("seed", Long.toString(seed));
    if (!Double.isNaN(fitSeconds)) {
      p.put("fit.seconds", Double.toString(fitSeconds));
    }
    settings.forEach((k, v) -> p.put("setting." + k, v));
    return p;
  }

  /**
   * Reads the entries written by {@link #toProperties()}; unknown keys are ignored, so later
   * versions may add entries.
   *
   * @param p the entries
   * @param file the file they were read from, for messages
   * @return the provenance
   * @throws FileFormatException naming the file and key when a required entry is missing or a
   *     value does not parse
   */
  public static Provenance fromProperties(Map<String, String> p, Path file)
      throws FileFormatException {
    Map<String, String> settings = new TreeMap<>();
    Map<String, String> sha = new TreeMap<>();
    p.forEach((k, v) -> {
      if (k.startsWith("setting.")) {
        settings.put(k.substring("setting.".length()), v);
      } else if (k.startsWith("data.sha256.")) {
        sha.put(k.substring("data.sha256.".length()), v);
      }
    });
    try {
      DataOrigin origin = p.containsKey("data.dataset")
          ? new DataOrigin(p.get("data.dataset"), required(p, "data.split", file), sha) : null;
      String created = p.get("created");
      String fit = p.get("fit.seconds");
      return new Provenance(required(p, "mnistkit.version", file),
          created == null ? null : Instant.parse(created), required(p, "java.version", file),
          count(p, "data.rows", file), count(p, "data.cols", file), origin, settings,
          Long.parseLong(required(p, "seed", file)), fit == null ? Double.NaN : Double.parseDouble(fit));
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw new FileFormatException(file, "provenance: " + e.getMessage(), e);
    }
  }

  private static String required(Map<String, String> p, String key, Path file)
      throws FileFormatException {
    String v = p.get(key);
    if (v == null) {
      throw new FileFormatException(file, "provenance: entry '" + key + "' is missing");
    }
    return v;
  }

  private static int count(Map<String, String> p, String key, Path file)
      throws FileFormatException {
    int v = Integer.parseInt(required(p, key, file));
    if (v < 0) {
      throw new FileFormatException(file, "provenance: " + key + " must be >= 0, got " + v);
    }
    return v;
  }

  /**
   * @return several lines such as {@code fitted by mnistkit 0.1.0 on Java 17.0.12 at
   *     2026-12-01T15:00:00Z in 2.03 s} / {@code data: 3000 x 784 from mnist train (sha256
   *     train-images-idx3-ubyte ba891046...)} / {@code seed 123; settings: trees=500, ...}
   */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    s.append("fitted by mnistkit ").append(mnistkitVersion).append(" on Java ").append(javaVersion);
    created().ifPresent(t -> s.append(" at ").append(t));
    fitSeconds().ifPresent(t -> s.append(String.format(Locale.ROOT, " in %.2f s", t)));
    s.append(rows == 0 ? String.format(Locale.ROOT, "%ndata: none (not fitted), %d features", cols)
        : String.format(Locale.ROOT, "%ndata: %d x %d", rows, cols));
    if (dataset != null) {
      s.append(" from ").append(dataset);
      if (!dataset.sha256().isEmpty()) {
        StringBuilder files = new StringBuilder();
        dataset.sha256().forEach((f, h) -> files.append(files.length() == 0 ? "" : ", ")
            .append(f).append(' ').append(h, 0, 12).append("..."));
        s.append(" (sha256 ").append(files).append(')');
      }
    }
    s.append(String.format(Locale.ROOT, "%nseed %d; settings: ", seed));
    StringBuilder list = new StringBuilder();
    settings.forEach((k, v) -> list.append(list.length() == 0 ? "" : ", ").append(k).append('=').append(v));
    return s.append(list).toString();
  }

  /** Equal when every saved entry is equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Provenance other && toProperties().equals(other.toProperties());
  }

  @Override
  public int hashCode() {
    return toProperties().hashCode();
  }
}
