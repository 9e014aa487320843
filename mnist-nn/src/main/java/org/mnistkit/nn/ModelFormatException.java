package org.mnistkit.nn;

import java.nio.file.Path;
import org.mnistkit.core.io.FileFormatException;

/**
 * Thrown by {@link Sequential#load} when a file is not a mnist-nn model, is truncated or corrupt,
 * or has an unsupported format version. The message starts with the file and says what is wrong,
 * for example {@code "model.mnn: truncated: the file ends after 112 bytes"}.
 */
public class ModelFormatException extends FileFormatException {

  private static final long serialVersionUID = 1L;

  /**
   * @param file the file that was read
   * @param problem what is wrong with it
   */
  public ModelFormatException(Path file, String problem) {
    super(file, problem);
  }

  /**
   * @param file the file that was read
   * @param problem what is wrong with it
   * @param cause the error that revealed it
   */
  public ModelFormatException(Path file, String problem, Throwable cause) {
    super(file, problem, cause);
  }
}
