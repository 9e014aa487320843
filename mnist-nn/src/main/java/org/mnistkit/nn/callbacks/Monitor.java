package org.mnistkit.nn.callbacks;

import java.util.Locale;
import java.util.Map;

/**
 * A monitored quantity and its direction, chosen as Keras's mode "auto" chooses: names containing
 * "acc" are maximised, all others (losses) minimised. An epoch improves on the best value when it
 * is better by more than minDelta.
 *
 * @param name a key of the epoch logs, such as "val_loss"
 * @param maximize true for accuracies
 * @param minDelta the smallest change that counts as an improvement, &gt;= 0
 */
record Monitor(String name, boolean maximize, double minDelta) {

  Monitor {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("monitor must name a logged quantity such as \"val_loss\", got '"
          + name + "'");
    }
    if (!(minDelta >= 0) || Double.isInfinite(minDelta)) {
      throw new IllegalArgumentException("minDelta must be >= 0 and finite, got " + minDelta);
    }
  }

  /** @return a monitor whose direction follows from its name */
  static Monitor auto(String name, double minDelta) {
    return new Monitor(name, name != null && name.toLowerCase(Locale.ROOT).contains("acc"), minDelta);
  }

  /** @return the starting "best" value: -infinity when maximising, +infinity when minimising */
  double worst() {
    return maximize ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
  }

  /** @return whether current beats best by more than minDelta in the monitored direction */
  boolean improves(double current, double best) {
    return maximize ? current - minDelta > best : current + minDelta < best;
  }

  /**
   * @return the monitored value of an epoch
   * @throws IllegalArgumentException when the logs lack it, listing what they have
   */
  double read(Map<String, Double> logs) {
    Double v = logs.get(name);
    if (v == null) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "monitor '%s' is not among the logged quantities %s; validation quantities (val_*) need "
              + "validationSplit or validationData", name, logs.keySet()));
    }
    return v;
  }
}
