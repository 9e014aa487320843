package org.mnistkit.nn.callbacks;

import java.util.Map;
import org.mnistkit.nn.Sequential;

/**
 * Hooks into {@link Sequential#fit}, as Keras's callbacks. Epochs are numbered from 0. A callback
 * may stop training with {@link Sequential#stopTraining()} and read or replace weights with
 * {@link Sequential#getWeights()} and {@link Sequential#setWeights(float[])}. Callbacks with state
 * reset it in {@link #onTrainBegin}, so that one instance can serve several fits in turn.
 */
public interface Callback {

  /**
   * Called once before the first epoch; a callback with state resets it here.
   *
   * @param model the model being fitted; the callback may stop it or read and replace its weights
   */
  default void onTrainBegin(Sequential model) {}

  /**
   * Called after each epoch, after validation.
   *
   * @param model the model being fitted; the callback may stop it or read and replace its weights
   * @param epoch the epoch just finished, from 0
   * @param logs the epoch's results: "loss", "accuracy" and, with validation, "val_loss" and
   *     "val_accuracy"; unmodifiable
   */
  default void onEpochEnd(Sequential model, int epoch, Map<String, Double> logs) {}

  /**
   * Called once after the last epoch, also when training was stopped early.
   *
   * @param model the model being fitted; the callback may stop it or read and replace its weights
   */
  default void onTrainEnd(Sequential model) {}
}
