package org.mnistkit.core.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file that is not what its reader expects: wrong magic number, unsupported version, failed
 * checksum, truncated, or a size, index or setting out of range. The message starts with the file
 * and says what was expected and what was found, for example
 * {@code "model.umap: nRows must be >= 1, got -3"}. Every model file's reader ({@link
 * ModelReader} and the version-1 readers kept beside it) throws this one type.
 */
public class FileFormatException extends IOException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;

  /**
   * @param file the file that was read
   * @param problem what is wrong with it
   */
  public FileFormatException(Path file, String problem) {
    super(file + ": " + problem);
    this.file = file;
  }

  /**
   * @param file the file that was read
   * @param problem what is wrong with it
   * @param cause the error that revealed it
   */
  public FileFormatException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = file;
  }

  /** @return the file that was read */
  public Path file() {
    return file;
  }
}
