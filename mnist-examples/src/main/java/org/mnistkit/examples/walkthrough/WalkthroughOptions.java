package org.mnistkit.examples.walkthrough;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.mnistkit.core.data.DatasetSpec;

/**
 * Settings of one walkthrough run.
 *
 * @param out the report folder (index.html and the PNGs), created if missing
 * @param data the data: MNIST or Fashion-MNIST from the verified cache, or a folder of your own
 * @param skip optional steps to leave out
 * @param seed the one seed every step derives its randomness from (default 123)
 * @param threads worker threads for the forest, SVD and UMAP, at least 1
 * @param quick small subsets, few epochs and trees: a run of well under a minute
 * @param quiet no progress bars
 */
public record WalkthroughOptions(Path out, DataChoice data, Set<Step> skip, long seed,
    int threads, boolean quick, boolean quiet) {

  /** The steps that {@code --skip} can leave out. */
  public enum Step {
    /** step 5, UMAP */
    UMAP,
    /** step 6, the dense network */
    NN,
    /** step 7, the random forest */
    FOREST;

    /**
     * @param name umap, nn or forest, any case
     * @return the step
     * @throws IllegalArgumentException for any other name
     */
    public static Step parse(String name) {
      try {
        return valueOf(name.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown step '" + name + "'; expected umap, nn or forest");
      }
    }
  }

  /** @throws IllegalArgumentException when threads is below 1 */
  public WalkthroughOptions {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(data, "data");
    skip = skip.isEmpty() ? EnumSet.noneOf(Step.class) : EnumSet.copyOf(skip);
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
  }

  /**
   * Settings for a built-in dataset, or for its files in a folder of your choice.
   *
   * @param out the report folder
   * @param dataset MNIST or Fashion-MNIST
   * @param dataDir a folder holding the dataset's files to read instead of the verified cache, or null
   * @param skip optional steps to leave out
   * @param seed the seed
   * @param threads worker threads, at least 1
   * @param quick small subsets
   * @param quiet no progress bars
   */
  public WalkthroughOptions(Path out, DatasetSpec dataset, Path dataDir, Set<Step> skip, long seed, int threads,
      boolean quick, boolean quiet) {
    this(out, new DataChoice(dataset, dataDir, null), skip, seed, threads, quick, quiet);
  }

  /** @return whether the step runs */
  public boolean runs(Step step) {
    return !skip.contains(step);
  }

  /** @return the sizes of each step: the walkthrough's, or small ones with {@link #quick} */
  public Sizes sizes() {
    return quick ? Sizes.QUICK : Sizes.FULL;
  }

  /**
   * How much data and work each step uses.
   *
   * @param svdRows training rows for the SVD (the first n)
   * @param umapRows training rows for UMAP (the first n)
   * @param nnTrainRows training rows for the network (the first n)
   * @param nnEpochs epochs of the network
   * @param forestTrainRows training rows sampled with the seed for the forest
   * @param forestTrees trees of the forest
   * @param testRows test rows for evaluating both models (the first n)
   */
  public record Sizes(int svdRows, int umapRows, int nnTrainRows, int nnEpochs, int forestTrainRows, int forestTrees,
      int testRows) {
    /** The walkthrough's sizes: all 60000 + 10000 images, 5 epochs, 3000 rows and 500 trees. */
    public static final Sizes FULL = new Sizes(60000, 60000, 60000, 5, 3000, 500, 10000);
    /** Small sizes for a run of well under a minute. */
    public static final Sizes QUICK = new Sizes(5000, 2000, 10000, 3, 1000, 50, 2000);
  }
}
