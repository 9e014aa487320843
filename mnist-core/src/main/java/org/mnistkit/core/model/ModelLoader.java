package org.mnistkit.core.model;

import java.io.IOException;
import java.nio.file.Path;
import org.mnistkit.core.io.ModelFormat;

/**
 * Service that reads one kind of model file, found by {@link Models#load} through {@link
 * java.util.ServiceLoader}. Each model family registers one in {@code
 * META-INF/services/org.mnistkit.core.model.ModelLoader}; adding a family needs no change here.
 */
public interface ModelLoader {

  /** @return the kind of file this loader reads: its magic number and name */
  ModelFormat format();

  /**
   * @param file a file of {@link #format()}
   * @return the model
   * @throws IOException when the file cannot be read or is not valid
   */
  FittedModel load(Path file) throws IOException;
}
