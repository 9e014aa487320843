package org.mnistkit.core.data;

import java.io.IOException;
import java.util.List;

/**
 * No source could deliver a dataset's files with the expected checksums. The message lists each
 * source tried and why it failed, and says where to put the files by hand.
 */
public class DatasetUnavailableException extends IOException {

  /** One line per source tried, in order: its description and why it failed; unmodifiable. */
  private final List<String> failures;

  /**
   * @param message the whole explanation
   * @param failures one line per source: its description and why it failed
   */
  public DatasetUnavailableException(String message, List<String> failures) {
    super(message);
    this.failures = List.copyOf(failures);
  }

  /** @return one line per source tried, in order */
  public List<String> failures() {
    return failures;
  }
}
