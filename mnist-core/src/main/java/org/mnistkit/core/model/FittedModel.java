package org.mnistkit.core.model;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What every fitted mnistkit model is: learned state that knows where it came from and
 * saves itself in the one model file framing of {@link org.mnistkit.core.io.ModelWriter}. A
 * classifier is also a {@link Classifier}, an embedding an {@link Embedding}; {@link Models#load}
 * reads any saved model back.
 */
public interface FittedModel {

  /** @return where the model came from: versions, time, training data, settings, seed, fit time */
  Provenance provenance();

  /**
   * Saves the model atomically: a save that fails half-way leaves the file that was there
   * untouched and no temporary file behind. Runtime settings such as thread counts are not saved.
   *
   * @param file the file to create or replace; its folder is created when missing
   * @throws IOException when writing or moving the file fails
   */
  void save(Path file) throws IOException;
}
