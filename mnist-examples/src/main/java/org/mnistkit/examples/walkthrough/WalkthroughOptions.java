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
 * @param trainSize null, or the training images every step uses (the first n): steps 4 to 6 (SVD,
 *     UMAP, network) use all n, the forest (step 7) samples its 3000 (1000 with quick) from them,
 *     or takes all n when fewer; at least {@link #MIN_TRAIN_SIZE}
 * @param epochs null, or the network's epochs (step 6), at least 1
 * @param trees null, or the forest's trees (step 7), at least 1
 * @param forestTrainSize null, or the training images the forest (step 7) samples with the seed
 *     instead of 3000 (1000 with quick), from 2 ({@link #MIN_FOREST_TRAIN_SIZE}) up to the images
 *     the other steps use ({@code trainSize}, or all): with 60000 on MNIST the forest sees the
 *     network's training rows, for a fair comparison
 */
public record WalkthroughOptions(Path out, DataChoice data, Set<Step> skip, long seed,
    int threads, boolean quick, boolean quiet, Integer trainSize, Integer epochs, Integer trees,
    Integer forestTrainSize) {

  /** The fewest training images the walkthrough can use: UMAP's 15 neighbours and the point itself. */
  public static final int MIN_TRAIN_SIZE = 16;

  /** The fewest training images the forest can be fitted on. */
  public static final int MIN_FOREST_TRAIN_SIZE = 2;

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

  /**
   * @throws IllegalArgumentException when threads, trainSize, epochs, trees or forestTrainSize is
   *     below its minimum, or forestTrainSize above trainSize (named as the command line's options)
   */
  public WalkthroughOptions {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(data, "data");
    skip = skip.isEmpty() ? EnumSet.noneOf(Step.class) : EnumSet.copyOf(skip);
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
    }
    if (trainSize != null && trainSize < MIN_TRAIN_SIZE) {
      throw new IllegalArgumentException("--train-size must be >= " + MIN_TRAIN_SIZE
          + " (UMAP's 15 neighbours and the point), got " + trainSize);
    }
    if (epochs != null && epochs < 1) {
      throw new IllegalArgumentException("--epochs must be >= 1, got " + epochs);
    }
    if (trees != null && trees < 1) {
      throw new IllegalArgumentException("--trees must be >= 1, got " + trees);
    }
    if (forestTrainSize != null && forestTrainSize < MIN_FOREST_TRAIN_SIZE) {
      throw new IllegalArgumentException("--forest-train-size must be >= " + MIN_FOREST_TRAIN_SIZE + ", got "
          + forestTrainSize);
    }
    if (forestTrainSize != null && trainSize != null && forestTrainSize > trainSize) {
      throw new IllegalArgumentException("--forest-train-size must be <= --train-size (" + trainSize
          + "), as the forest samples from those images, got " + forestTrainSize);
    }
  }

  /**
   * Settings with the walkthrough's (or quick) sizes.
   *
   * @param out the report folder
   * @param data the data
   * @param skip optional steps to leave out
   * @param seed the seed
   * @param threads worker threads, at least 1
   * @param quick small subsets
   * @param quiet no progress bars
   */
  public WalkthroughOptions(Path out, DataChoice data, Set<Step> skip, long seed, int threads, boolean quick,
      boolean quiet) {
    this(out, data, skip, seed, threads, quick, quiet, null, null, null, null);
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

  /**
   * @return the sizes of each step: the walkthrough's, or small ones with {@link #quick}, with
   *     {@link #trainSize}, {@link #epochs}, {@link #trees} and {@link #forestTrainSize} in place of
   *     theirs when given
   */
  public Sizes sizes() {
    Sizes s = quick ? Sizes.QUICK : Sizes.FULL;
    int n = trainSize == null ? -1 : trainSize;
    return new Sizes(n < 0 ? s.svdRows() : n, n < 0 ? s.umapRows() : n, n < 0 ? s.nnTrainRows() : n,
        epochs == null ? s.nnEpochs() : epochs, forestTrainSize != null ? forestTrainSize
            : n < 0 ? s.forestTrainRows() : Math.min(n, s.forestTrainRows()),
        trees == null ? s.forestTrees() : trees, s.testRows());
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
