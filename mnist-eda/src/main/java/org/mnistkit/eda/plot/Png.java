package org.mnistkit.eda.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writing PNG files safely: into a temporary file next to the target, then moved into place, so
 * that a reader never sees half a file. Also switches AWT to headless mode (charts are drawn
 * off-screen; XChart needs {@code java.awt.headless=true} on machines without a display) unless
 * the property was set by the application.
 */
final class Png {

  private Png() {}

  /** Sets {@code java.awt.headless=true} when it is unset; call before any AWT use. */
  static void headless() {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  static void write(BufferedImage image, Path out) throws IOException {
    writeAtomically(out, stream -> {
      if (!ImageIO.write(image, "png", stream)) {
        throw new IOException("no PNG writer available in this JVM");
      }
    });
  }

  static void write(Chart<?, ?> chart, Path out) throws IOException {
    writeAtomically(out, stream -> BitmapEncoder.saveBitmap(chart, stream,
        BitmapEncoder.BitmapFormat.PNG));
  }

  static <T extends Chart<?, ?>> void writeColumn(List<T> charts, Path out) throws IOException {
    writeAtomically(out, stream -> BitmapEncoder.saveBitmap(charts, charts.size(), 1, stream,
        BitmapEncoder.BitmapFormat.PNG));
  }

  private interface Writer {
    void write(OutputStream stream) throws IOException;
  }

  private static void writeAtomically(Path out, Writer writer) throws IOException {
    Objects.requireNonNull(out, "out");
    Path target = out.toAbsolutePath();
    Path dir = target.getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    try {
      try (OutputStream stream = Files.newOutputStream(tmp)) {
        writer.write(stream);
      }
      if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
        // temporary files are private (0600); a plot is an ordinary file (0644)
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
      }
      try {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } catch (java.nio.file.AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
