package org.mnistkit.core.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reads gzip-compressed tar archives ({@code .tgz}, as {@code npm pack} writes them) with
 * commons-compress, refusing any archive with an entry whose path, or link target, would leave the
 * folder it is extracted into ({@code ../x}, {@code /etc/x}): the "zip slip" defence.
 */
final class Tarballs {

  private Tarballs() {}

  /** Receives one regular file of an archive. */
  @FunctionalInterface
  interface EntryHandler {
    /**
     * @param path the entry's normalized relative path, '/'-separated, such as {@code package/data/x}
     * @param content its bytes; not to be closed
     * @throws IOException when handling fails
     */
    void accept(String path, InputStream content) throws IOException;
  }

  /**
   * Checks every entry of the archive and passes each regular file to the handler, in archive order.
   *
   * @param tgz the archive
   * @param handler receives regular files
   * @throws IOException naming the archive and the entry when an entry would leave the target
   *     folder, or when the archive is unreadable
   */
  static void forEachFile(Path tgz, EntryHandler handler) throws IOException {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(tgz), 1 << 16);
        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(raw))) {
      for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
        String path = confined(e.getName(), tgz);
        if (e.isSymbolicLink() || e.isLink()) {
          confined(e.isSymbolicLink() ? parentOf(path) + e.getLinkName() : e.getLinkName(), tgz);
        }
        if (e.isFile()) {
          handler.accept(path, tar);
        }
      }
    }
  }

  /**
   * @return the name normalized to a relative '/'-separated path
   * @throws IOException when it is absolute or climbs out of the target folder
   */
  static String confined(String name, Path archive) throws IOException {
    String unified = name.replace('\\', '/');
    Path root = Path.of("target-root");
    Path resolved = root.resolve(unified).normalize();
    if (unified.startsWith("/") || unified.matches("^[A-Za-z]:.*") || !resolved.startsWith(root)) {
      throw new IOException("refusing " + archive + ": entry '" + name
          + "' would be written outside the folder it is extracted into");
    }
    return root.relativize(resolved).toString().replace('\\', '/');
  }

  private static String parentOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash + 1);
  }
}
