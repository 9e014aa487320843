package org.mnistkit.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The check made before any work of a folder the command will write into (--out, and the folders
 * of --save and --export-onnx): the folder is created when missing and proven writable by creating
 * and deleting a probe file in it ({@link Files#isWritable} says yes to root on a read-only
 * mount), so that a bad folder fails in a second with the reason, not after the fit.
 */
final class WritableFolder {

  private WritableFolder() {}

  /**
   * @param subject how messages name the folder, such as {@code --out DIR}
   * @param dir the folder
   * @throws IllegalArgumentException starting with subject, saying why the folder cannot be used
   */
  static void prepare(String subject, Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new IllegalArgumentException(subject + " is a file, not a folder");
    }
    Path existing = dir.toAbsolutePath().getParent();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing != null && !Files.isDirectory(existing)) {
      throw new IllegalArgumentException(subject + " cannot be created: " + existing + " is a file");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IllegalArgumentException(subject + " cannot be created in " + existing + ": "
          + MnistkitCommand.message(e), e);
    }
    try {
      Files.delete(Files.createTempFile(dir, ".mnistkit-", ".probe"));
    } catch (IOException e) {
      throw new IllegalArgumentException(subject + " is not writable: " + MnistkitCommand.message(e), e);
    }
  }
}
