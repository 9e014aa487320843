package org.mnistkit.core.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files so that a reader never sees a partial one: the bytes go to a hidden temporary file
 * in the target's folder, which is moved over the target atomically only when the writer finished
 * without an exception; otherwise the temporary file is deleted and the target is left as it was.
 * The temporary file is forced to disk before the move, so a crash or power loss cannot leave an
 * empty or short file in the target's place. Files get the usual {@code rw-r--r--} permissions on
 * POSIX file systems.
 */
public final class AtomicFiles {

  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private AtomicFiles() {}

  /** Writes the content of a file to a stream; throwing aborts the write. */
  @FunctionalInterface
  public interface Writer {
    /**
     * @param out a buffered stream to the temporary file; flushed, synced and closed by the caller
     * @throws IOException to abort: the target is then left untouched
     */
    void writeTo(OutputStream out) throws IOException;
  }

  /** Writes the content of a file through a channel that can also be read and written at any position. */
  @FunctionalInterface
  public interface ChannelWriter {
    /**
     * @param channel the temporary file, open for reading and writing, at position 0; closed by
     *     the caller
     * @throws IOException to abort: the target is then left untouched
     */
    void writeTo(FileChannel channel) throws IOException;
  }

  /**
   * Writes a file atomically.
   *
   * @param target the file to create or replace; its folder is created if missing
   * @param writer produces the content
   * @throws IOException what the writer threw, or a failure to write or move the file; in both
   *     cases the target is unchanged and no temporary file is left behind
   */
  public static void write(Path target, Writer writer) throws IOException {
    writeChannel(target, channel -> {
      // not closed here: closing it would close the channel before writeChannel forces it to disk
      OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
      writer.writeTo(out);
      out.flush();
    });
  }

  /**
   * Writes a file atomically through a {@link FileChannel}, for formats that go back to fill in a
   * length or a checksum once the bytes after it are written (as core's model files do).
   *
   * @param target the file to create or replace; its folder is created if missing
   * @param writer produces the content
   * @throws IOException what the writer threw, or a failure to write or move the file; in both
   *     cases the target is unchanged and no temporary file is left behind
   */
  public static void writeChannel(Path target, ChannelWriter writer) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
    try {
      if (POSIX) {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
      }
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.READ,
          StandardOpenOption.WRITE)) {
        writer.writeTo(channel);
        if (channel.isOpen()) {
          channel.force(true); // the bytes reach the disk before the move makes them the target
        }
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
