package org.mnistkit.nn;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.nn.callbacks.Callback;

/**
 * The settings of one {@link Sequential#fit} call, with Keras's defaults: 1 epoch, batch size 32,
 * no validation, shuffling before each epoch, verbosity 1, seed 123. Build with
 * {@link #builder()}; every setting is validated in {@link Builder#build()}. Validation matrices
 * and callbacks are held by reference, not copied.
 */
public final class FitOptions {

  /** The default seed, used when none is given. */
  public static final long DEFAULT_SEED = 123;

  private final int epochs;
  private final int batchSize;
  private final double validationSplit;
  private final FloatMatrix validationX;
  private final FloatMatrix validationY;
  private final boolean shuffle;
  private final long seed;
  private final int verbose;
  private final List<Callback> callbacks;
  private final PrintStream out;

  private FitOptions(Builder b) {
    this.epochs = b.epochs;
    this.batchSize = b.batchSize;
    this.validationSplit = b.validationSplit;
    this.validationX = b.validationX;
    this.validationY = b.validationY;
    this.shuffle = b.shuffle;
    this.seed = b.seed;
    this.verbose = b.verbose;
    this.callbacks = List.copyOf(b.callbacks);
    this.out = b.out;
  }

  /** @return a builder holding Keras's defaults */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the defaults (1 epoch, batch size 32, ...) */
  public static FitOptions defaults() {
    return builder().build();
  }

  /** @return a builder starting from these settings */
  public Builder toBuilder() {
    Builder b = new Builder().epochs(epochs).batchSize(batchSize).validationSplit(validationSplit)
        .shuffle(shuffle).seed(seed).verbose(verbose).output(out);
    b.validationX = validationX;
    b.validationY = validationY;
    b.callbacks.addAll(callbacks);
    return b;
  }

  /** @return the number of passes over the training rows, at least 1 */
  public int epochs() {
    return epochs;
  }

  /** @return rows per gradient step, at least 1; the last batch of an epoch may be smaller */
  public int batchSize() {
    return batchSize;
  }

  /**
   * @return the fraction of rows held out for validation, in [0, 1): the <em>last</em> rows of
   *     x and y, taken before any shuffling (Keras's semantics); ignored when validation data is
   *     given
   */
  public double validationSplit() {
    return validationSplit;
  }

  /** @return validation inputs given explicitly, or null */
  public FloatMatrix validationX() {
    return validationX;
  }

  /** @return validation labels given explicitly, or null */
  public FloatMatrix validationY() {
    return validationY;
  }

  /** @return whether the training rows are reshuffled before each epoch */
  public boolean shuffle() {
    return shuffle;
  }

  /** @return the seed of the shuffles and of dropout masks */
  public long seed() {
    return seed;
  }

  /** @return 0 silent, 1 a progress bar per epoch, 2 one line per epoch */
  public int verbose() {
    return verbose;
  }

  /** @return the callbacks, in the order they are called */
  public List<Callback> callbacks() {
    return callbacks;
  }

  /** @return where progress is printed */
  public PrintStream output() {
    return out;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT,
        "FitOptions[epochs=%d, batchSize=%d, validationSplit=%s, validationData=%s, shuffle=%s, seed=%d, "
            + "verbose=%d, callbacks=%d]",
        epochs, batchSize, validationSplit, validationX == null ? "none" : validationX.rows() + " rows",
        shuffle, seed, verbose, callbacks.size());
  }

  /** Collects settings; {@link #build()} validates them. Not thread-safe. */
  public static final class Builder {
    private int epochs = 1;
    private int batchSize = 32;
    private double validationSplit = 0;
    private FloatMatrix validationX;
    private FloatMatrix validationY;
    private boolean shuffle = true;
    private long seed = DEFAULT_SEED;
    private int verbose = 1;
    private final List<Callback> callbacks = new ArrayList<>();
    private PrintStream out = System.out;

    private Builder() {}

    /**
     * Sets the number of passes over the training rows.
     *
     * @param epochs at least 1 (default 1); checked by {@link #build()}
     * @return this builder
     */
    public Builder epochs(int epochs) {
      this.epochs = epochs;
      return this;
    }

    /**
     * Sets the number of rows per gradient step.
     *
     * @param batchSize at least 1 (default 32); checked by {@link #build()}
     * @return this builder
     */
    public Builder batchSize(int batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    /**
     * Holds out the last rows of the training data for validation, taken before shuffling.
     *
     * @param fraction in [0, 1) (default 0, no hold-out); checked by {@link #build()}
     * @return this builder
     */
    public Builder validationSplit(double fraction) {
      this.validationSplit = fraction;
      return this;
    }

    /**
     * Validates on these rows after each epoch instead of a held-out fraction.
     *
     * @param x validation inputs, shaped like the training inputs; held by reference
     * @param y their labels, shaped like the training labels; overrides {@link #validationSplit}
     * @return this builder
     * @throws NullPointerException when x or y is null
     */
    public Builder validationData(FloatMatrix x, FloatMatrix y) {
      this.validationX = Objects.requireNonNull(x, "validation x");
      this.validationY = Objects.requireNonNull(y, "validation y");
      return this;
    }

    /**
     * Sets whether the training rows are reshuffled before each epoch.
     *
     * @param shuffle reshuffle the training rows before each epoch (default true)
     * @return this builder
     */
    public Builder shuffle(boolean shuffle) {
      this.shuffle = shuffle;
      return this;
    }

    /**
     * Sets the seed of the shuffles and the dropout masks.
     *
     * @param seed any value (default {@link FitOptions#DEFAULT_SEED}, 123)
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Sets how much progress is printed.
     *
     * @param verbose 0 silent, 1 progress bar (default), 2 one line per epoch; checked by {@link
     *     #build()}
     * @return this builder
     */
    public Builder verbose(int verbose) {
      this.verbose = verbose;
      return this;
    }

    /**
     * Adds one callback after those already added.
     *
     * @param callback appended to the callbacks; held by reference
     * @return this builder
     * @throws NullPointerException when callback is null
     */
    public Builder callback(Callback callback) {
      callbacks.add(Objects.requireNonNull(callback, "callback"));
      return this;
    }

    /**
     * Adds callbacks after those already added.
     *
     * @param callbacks appended to the callbacks, in order; held by reference
     * @return this builder
     * @throws NullPointerException when the list or one of its elements is null
     */
    public Builder callbacks(List<? extends Callback> callbacks) {
      callbacks.forEach(this::callback);
      return this;
    }

    /**
     * Sets where progress is printed.
     *
     * @param out the stream for progress bars and epoch lines (default {@code System.out})
     * @return this builder
     * @throws NullPointerException when out is null
     */
    public Builder output(PrintStream out) {
      this.out = Objects.requireNonNull(out, "output");
      return this;
    }

    /**
     * @return the validated settings
     * @throws IllegalArgumentException naming the first setting out of range and its range
     */
    public FitOptions build() {
      if (epochs < 1) {
        throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
      }
      if (batchSize < 1) {
        throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
      }
      if (!(validationSplit >= 0 && validationSplit < 1)) {
        throw new IllegalArgumentException("validationSplit must be in [0, 1), got " + validationSplit);
      }
      if (verbose < 0 || verbose > 2) {
        throw new IllegalArgumentException("verbose must be 0, 1 or 2, got " + verbose);
      }
      return new FitOptions(this);
    }
  }
}
