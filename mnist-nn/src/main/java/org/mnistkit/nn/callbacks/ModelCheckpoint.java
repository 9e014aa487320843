package org.mnistkit.nn.callbacks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.mnistkit.nn.Sequential;

/**
 * Saves the model after each epoch, as Keras's {@code callback_model_checkpoint}. The file name may
 * contain {@code {epoch}}, replaced by the epoch number counted from 1. With saveBestOnly the
 * model is saved only when the monitored quantity improves (upwards for names containing "acc",
 * downwards otherwise). Create with {@link Callbacks#modelCheckpoint}. Files are written with
 * {@link Sequential#save(Path)}; a failure to write surfaces as an {@link UncheckedIOException}
 * from fit.
 */
public final class ModelCheckpoint implements Callback {

  private final String pattern;
  private final Monitor monitor;
  private final boolean saveBestOnly;
  private double best;
  private Path lastSaved;

  ModelCheckpoint(Path file, Monitor monitor, boolean saveBestOnly) {
    this.pattern = file.toString();
    this.monitor = monitor;
    this.saveBestOnly = saveBestOnly;
    this.best = monitor.worst();
  }

  @Override
  public void onTrainBegin(Sequential model) {
    best = monitor.worst();
    lastSaved = null;
  }

  @Override
  public void onEpochEnd(Sequential model, int epoch, Map<String, Double> logs) {
    if (saveBestOnly) {
      double current = monitor.read(logs);
      if (!monitor.improves(current, best)) {
        return;
      }
      best = current;
    }
    Path target = Path.of(pattern.replace("{epoch}", Integer.toString(epoch + 1)));
    try {
      model.save(target);
    } catch (IOException e) {
      throw new UncheckedIOException("checkpoint after epoch " + (epoch + 1) + " failed to write " + target, e);
    }
    lastSaved = target;
  }

  /** @return the file written last during the current or last fit, or null if none */
  public Path lastSaved() {
    return lastSaved;
  }
}
