package org.mnistkit.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one {@link Sequential#fit} call did: per-epoch "loss" and "accuracy" (the sample-weighted
 * means over the epoch's batches, measured before each batch's update, as Keras reports them)
 * and, with validation, "val_loss" and "val_accuracy" (measured after the epoch, without
 * dropout). Also records the settings, the seed and the data shape. Immutable;
 * {@link #toString()} prints it as R keras prints a training history.
 */
public final class History {

  private final Map<String, double[]> metrics;
  private final double[] epochSeconds;
  private final FitOptions options;
  private final int trainSamples;
  private final int validationSamples;
  private final int[] inputShape;
  private final boolean stoppedEarly;

  private History(Map<String, double[]> metrics, double[] epochSeconds, FitOptions options, int trainSamples,
      int validationSamples, int[] inputShape, boolean stoppedEarly) {
    this.metrics = metrics;
    this.epochSeconds = epochSeconds;
    this.options = options;
    this.trainSamples = trainSamples;
    this.validationSamples = validationSamples;
    this.inputShape = inputShape;
    this.stoppedEarly = stoppedEarly;
  }

  /** @return the number of epochs that ran (fewer than requested when stopped early) */
  public int epochs() {
    return epochSeconds.length;
  }

  /**
   * @return the wall-clock seconds of each epoch, training and validation included (a copy); a
   *     measurement, not part of what Keras records
   */
  public double[] epochSeconds() {
    return epochSeconds.clone();
  }

  /** @return the logged names in order: loss, accuracy, then val_loss, val_accuracy if validated */
  public List<String> names() {
    return List.copyOf(metrics.keySet());
  }

  /**
   * @param name a logged name such as "val_accuracy"
   * @return its value per epoch (a copy)
   * @throws IllegalArgumentException when the name was not logged, listing the logged names
   */
  public double[] get(String name) {
    return values(name).clone();
  }

  /**
   * The value of a logged series at the last epoch run (after early stopping, the epoch it stopped at).
   *
   * @param name a logged name such as "loss" or "val_accuracy"
   * @return the value of the last epoch for that name
   * @throws IllegalArgumentException when the name was not logged, listing the logged names
   */
  public double last(String name) {
    double[] v = values(name);
    return v[v.length - 1];
  }

  /** @return every logged series by name, in logging order (copies) */
  public Map<String, double[]> metrics() {
    Map<String, double[]> copy = new LinkedHashMap<>();
    metrics.forEach((k, v) -> copy.put(k, v.clone()));
    return Collections.unmodifiableMap(copy);
  }

  /** @return the settings of the fit, including its seed */
  public FitOptions options() {
    return options;
  }

  /** @return the number of rows trained on */
  public int trainSamples() {
    return trainSamples;
  }

  /** @return the number of validation rows, 0 without validation */
  public int validationSamples() {
    return validationSamples;
  }

  /** @return the shape of one input row as the first layer saw it, such as {@code [784]} */
  public int[] inputShape() {
    return inputShape.clone();
  }

  /** @return whether a callback stopped training before the requested number of epochs */
  public boolean stoppedEarly() {
    return stoppedEarly;
  }

  private double[] values(String name) {
    double[] v = metrics.get(name);
    if (v == null) {
      throw new IllegalArgumentException("'" + name + "' was not logged; the history has " + metrics.keySet());
    }
    return v;
  }

  /**
   * As R keras prints a history: the samples, the settings and the final epoch's values, for
   * example
   *
   * <pre>
   * Trained on 48,000 samples, validated on 12,000 samples (batch_size=128, epochs=5)
   * Final epoch (plot to see history):
   *         loss: 0.0386
   *     accuracy: 0.9883
   *     val_loss: 0.1093
   * val_accuracy: 0.9767
   * </pre>
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Trained on %,d samples", trainSamples));
    if (validationSamples > 0) {
      sb.append(String.format(Locale.ROOT, ", validated on %,d samples", validationSamples));
    }
    sb.append(String.format(Locale.ROOT, " (batch_size=%d, epochs=%d", options.batchSize(), options.epochs()));
    if (stoppedEarly) {
      sb.append(String.format(Locale.ROOT, ", stopped early after %d", epochs()));
    }
    sb.append(")\n");
    if (epochs() == 0) {
      return sb.append("No epoch completed\n").toString();
    }
    sb.append("Final epoch (plot to see history):\n");
    int width = metrics.keySet().stream().mapToInt(String::length).max().orElse(0);
    for (Map.Entry<String, double[]> e : metrics.entrySet()) {
      double[] v = e.getValue();
      sb.append(String.format(Locale.ROOT, "%" + width + "s: %.4f%n", e.getKey(), v[v.length - 1]));
    }
    return sb.toString();
  }

  /** Collects epochs during a fit. */
  static final class Recorder {
    private final Map<String, List<Double>> series = new LinkedHashMap<>();
    private final List<Double> seconds = new ArrayList<>();

    /** Appends one epoch's logs; the first call fixes the names and their order. */
    void add(Map<String, Double> logs, double epochSeconds) {
      logs.forEach((k, v) -> series.computeIfAbsent(k, key -> new ArrayList<>()).add(v));
      seconds.add(epochSeconds);
    }

    History build(FitOptions options, int trainSamples, int validationSamples, int[] inputShape,
        boolean stoppedEarly) {
      Map<String, double[]> m = new LinkedHashMap<>();
      series.forEach((k, v) -> m.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
      return new History(m, seconds.stream().mapToDouble(Double::doubleValue).toArray(), options, trainSamples,
          validationSamples, Arrays.copyOf(inputShape, inputShape.length), stoppedEarly);
    }
  }
}
