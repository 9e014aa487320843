package org.mnistkit.forest;

import java.nio.file.Path;
import org.mnistkit.core.io.FileFormatException;

/** A file that is not a valid mnistkit forest file; the message names the file and the problem. */
public final class ForestFormatException extends FileFormatException {

  private static final long serialVersionUID = 1L;

  /**
   * @param file the file that was read
   * @param problem what is wrong with it
   */
  public ForestFormatException(Path file, String problem) {
    super(file, problem);
  }
}
