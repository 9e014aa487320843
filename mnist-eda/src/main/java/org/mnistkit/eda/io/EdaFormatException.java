package org.mnistkit.eda.io;

import java.nio.file.Path;
import org.mnistkit.core.io.FileFormatException;

/**
 * A file that is not a valid mnistkit PCA or UMAP model file (wrong magic number, unsupported
 * version, failed checksum, truncated, or a size, index or setting out of range). The message
 * starts with the file and says what was expected and what was found, for example
 * {@code "model.umap: nRows must be >= 1, got -3"}.
 */
public final class EdaFormatException extends FileFormatException {

  private static final long serialVersionUID = 1L;

  /**
   * @param file the file that was read
   * @param problem what is wrong with it
   */
  public EdaFormatException(Path file, String problem) {
    super(file, problem);
  }
}
