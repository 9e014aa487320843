package org.mnistkit.core.idx;

import java.io.IOException;

/**
 * A file or stream that is not a valid IDX file. The message names the source (file path or the
 * name given for a stream), what the reader expected and what it found.
 */
public class IdxFormatException extends IOException {

  /** The file path or stream name the error refers to, as given to the constructor. */
  private final String source;

  /**
   * @param source the file path or stream name, used as the first part of the message
   * @param detail what was expected and what was found
   */
  public IdxFormatException(String source, String detail) {
    super(source + ": " + detail);
    this.source = source;
  }

  /**
   * @param source the file path or stream name
   * @param detail what was expected and what was found
   * @param cause the underlying I/O failure, such as a corrupt gzip stream
   */
  public IdxFormatException(String source, String detail, Throwable cause) {
    super(source + ": " + detail, cause);
    this.source = source;
  }

  /** @return the file path or stream name the error refers to */
  public String source() {
    return source;
  }
}
