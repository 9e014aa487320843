package org.mnistkit.eda.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.mnistkit.core.io.AtomicFiles;

/**
 * Writing PNG files safely with core's {@link AtomicFiles}: a reader never sees half a file. Also switches AWT to headless mode (charts are drawn
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
    AtomicFiles.write(out, stream -> {
      if (!ImageIO.write(image, "png", stream)) {
        throw new IOException("no PNG writer available in this JVM");
      }
    });
  }

  static void write(Chart<?, ?> chart, Path out) throws IOException {
    AtomicFiles.write(out, stream -> BitmapEncoder.saveBitmap(chart, stream,
        BitmapEncoder.BitmapFormat.PNG));
  }

  static <T extends Chart<?, ?>> void writeColumn(List<T> charts, Path out) throws IOException {
    AtomicFiles.write(out, stream -> BitmapEncoder.saveBitmap(charts, charts.size(), 1, stream,
        BitmapEncoder.BitmapFormat.PNG));
  }
}
