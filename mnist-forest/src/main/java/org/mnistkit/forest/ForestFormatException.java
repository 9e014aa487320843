package org.mnistkit.forest;

import java.io.IOException;
import java.nio.file.Path;

/** A file that is not a valid mnistkit forest file; the message names the file and the problem. */
public final class ForestFormatException extends IOException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;

  /**
   * @param file the file that was read
   * @param problem what is wrong with it
   */
  public ForestFormatException(Path file, String problem) {
    super(file + ": " + problem);
    this.file = file;
  }

  /** @return the file that was read */
  public Path file() {
    return file;
  }
}
