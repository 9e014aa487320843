package org.mnistkit.core.data;

import java.io.IOException;

/** Content delivered for a dataset file whose size or SHA-256 is not the expected one. */
public class ChecksumMismatchException extends IOException {

  /** @param message names the file, the source, and the expected and found size or checksum */
  public ChecksumMismatchException(String message) {
    super(message);
  }
}
