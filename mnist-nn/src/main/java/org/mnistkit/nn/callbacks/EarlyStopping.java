package org.mnistkit.nn.callbacks;

import java.util.Map;
import org.mnistkit.nn.Sequential;

/**
 * Stops training when a monitored quantity has stopped improving, as Keras's
 * {@code callback_early_stopping}: after each epoch the value is compared with the best so far;
 * an improvement (by more than minDelta, upwards for names containing "acc", downwards otherwise)
 * resets a counter, and training stops when the counter reaches patience. With
 * restoreBestWeights the weights of the best epoch are put back when training stops early.
 * Create with {@link Callbacks#earlyStopping}. Holds state; reset at the start of each fit.
 */
public final class EarlyStopping implements Callback {

  private final Monitor monitor;
  private final int patience;
  private final boolean restoreBestWeights;

  private double best;
  private int wait;
  private int stoppedEpoch;
  private int bestEpoch;
  private float[] bestWeights;

  EarlyStopping(Monitor monitor, int patience, boolean restoreBestWeights) {
    if (patience < 0) {
      throw new IllegalArgumentException("patience must be >= 0, got " + patience);
    }
    this.monitor = monitor;
    this.patience = patience;
    this.restoreBestWeights = restoreBestWeights;
    reset();
  }

  private void reset() {
    best = monitor.worst();
    wait = 0;
    stoppedEpoch = -1;
    bestEpoch = -1;
    bestWeights = null;
  }

  @Override
  public void onTrainBegin(Sequential model) {
    reset();
  }

  @Override
  public void onEpochEnd(Sequential model, int epoch, Map<String, Double> logs) {
    double current = monitor.read(logs);
    if (monitor.improves(current, best)) {
      best = current;
      bestEpoch = epoch;
      wait = 0;
      if (restoreBestWeights) {
        bestWeights = model.getWeights();
      }
      return;
    }
    wait++;
    if (wait >= patience) {
      stoppedEpoch = epoch;
      model.stopTraining();
      if (restoreBestWeights && bestWeights != null) {
        model.setWeights(bestWeights);
      }
    }
  }

  /** @return the name of the monitored quantity */
  public String monitor() {
    return monitor.name();
  }

  /** @return true when the monitored quantity is maximised (accuracies) */
  public boolean maximizes() {
    return monitor.maximize();
  }

  /** @return the epoch (from 0) at which training was stopped, or -1 when it was not */
  public int stoppedEpoch() {
    return stoppedEpoch;
  }

  /** @return the epoch (from 0) with the best monitored value so far, or -1 before the first */
  public int bestEpoch() {
    return bestEpoch;
  }

  /** @return the best monitored value so far (+-infinity before the first epoch) */
  public double best() {
    return best;
  }
}
