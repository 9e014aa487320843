package org.mnistkit.nn.callbacks;

import java.nio.file.Path;

/** Static factories for the built-in callbacks. */
public final class Callbacks {

  private Callbacks() {}

  /**
   * @param monitor a logged quantity such as "val_loss" or "val_accuracy"; names containing "acc"
   *     are maximised, others minimised
   * @param patience epochs without improvement before stopping, &gt;= 0 (0 stops at the first
   *     epoch that does not improve)
   * @param minDelta the smallest change that counts as an improvement, &gt;= 0
   * @param restoreBestWeights whether to put back the best epoch's weights when stopping
   * @return a new early-stopping callback
   * @throws IllegalArgumentException naming the bad value
   */
  public static EarlyStopping earlyStopping(String monitor, int patience, double minDelta,
      boolean restoreBestWeights) {
    return new EarlyStopping(Monitor.auto(monitor, minDelta), patience, restoreBestWeights);
  }

  /**
   * Early stopping with minDelta 0 that keeps the last epoch's weights when it stops.
   *
   * @param monitor a logged quantity such as "val_loss" or "val_accuracy"; names containing "acc"
   *     are maximised, others minimised
   * @param patience epochs without improvement before stopping, &gt;= 0
   * @return a new early-stopping callback
   * @throws IllegalArgumentException when monitor is null or blank, or patience is negative
   */
  public static EarlyStopping earlyStopping(String monitor, int patience) {
    return earlyStopping(monitor, patience, 0, false);
  }

  /**
   * @param file where to save after every epoch; "{epoch}" in the name becomes the epoch number
   * @return a checkpoint that saves after every epoch
   */
  public static ModelCheckpoint modelCheckpoint(Path file) {
    return new ModelCheckpoint(file, Monitor.auto("val_loss", 0), false);
  }

  /**
   * @param file where to save; "{epoch}" in the name becomes the epoch number
   * @param monitor the quantity that decides "best" when saveBestOnly is true
   * @param saveBestOnly save only when the monitored quantity improves
   * @return a new checkpoint callback
   */
  public static ModelCheckpoint modelCheckpoint(Path file, String monitor, boolean saveBestOnly) {
    return new ModelCheckpoint(file, Monitor.auto(monitor, 0), saveBestOnly);
  }
}
