package org.mnistkit.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The --out check made before any work: the folder is created when missing and proven writable
 * by creating and deleting a probe file in it ({@link Files#isWritable} says yes to root on a
 * read-only mount), so that a bad folder fails in a second with the reason, not after the fit.
 */
final class OutFolder {

  private OutFolder() {}

  /**
   * @param dir the --out folder
   * @throws IllegalArgumentException naming --out, the folder and why it cannot be used
   */
  static void prepare(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new IllegalArgumentException("--out " + dir + " is a file, not a folder");
    }
    Path existing = dir.toAbsolutePath().getParent();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing != null && !Files.isDirectory(existing)) {
      throw new IllegalArgumentException("--out " + dir + " cannot be created: " + existing + " is a file");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IllegalArgumentException("--out " + dir + " cannot be created in " + existing + ": "
          + MnistkitCommand.message(e), e);
    }
    try {
      Files.delete(Files.createTempFile(dir, ".mnistkit-", ".probe"));
    } catch (IOException e) {
      throw new IllegalArgumentException("--out " + dir + " is not writable: " + MnistkitCommand.message(e), e);
    }
  }
}
