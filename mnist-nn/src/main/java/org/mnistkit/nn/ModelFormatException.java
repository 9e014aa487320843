package org.mnistkit.nn;

import java.io.IOException;

/**
 * Thrown by {@link Sequential#load} when a file is not a mnist-nn model, is truncated or corrupt,
 * or has an unsupported format version. The message names the file and what is wrong.
 */
public class ModelFormatException extends IOException {

  private static final long serialVersionUID = 1L;

  /** @param message names the file and the problem */
  public ModelFormatException(String message) {
    super(message);
  }

  /** @param message names the file and the problem */
  public ModelFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
