package org.mnistkit.eda.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
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

  /**
   * Draws a chart at a device scale, as XChart's {@code BitmapEncoder.getBufferedImage} does at
   * scale 1.
   *
   * @param chart the chart, sized in layout pixels
   * @param scale device pixels per layout pixel
   * @return an image of the chart's size times scale
   */
  static BufferedImage render(Chart<?, ?> chart, int scale) {
    BufferedImage img = new BufferedImage(chart.getWidth() * scale, chart.getHeight() * scale,
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.scale(scale, scale);
      chart.paint(g, chart.getWidth(), chart.getHeight());
    } finally {
      g.dispose();
    }
    return img;
  }

  /** Writes the charts one below the other, each drawn at the scale, as one PNG. */
  static <T extends Chart<?, ?>> void writeColumn(List<T> charts, int scale, Path out) throws IOException {
    int width = charts.stream().mapToInt(Chart::getWidth).max().orElse(1) * scale;
    int height = charts.stream().mapToInt(Chart::getHeight).sum() * scale;
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      int y = 0;
      for (T chart : charts) {
        BufferedImage part = render(chart, scale);
        g.drawImage(part, 0, y, null);
        y += part.getHeight();
      }
    } finally {
      g.dispose();
    }
    write(img, out);
  }
}
