package org.mnistkit.eda.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.mnistkit.core.idx.IdxArray;
import org.mnistkit.core.tensor.FloatMatrix;

/**
 * Digits as pictures, like R's {@code plot(as.raster(digit, max = 255))}: each pixel is grey level
 * {@code value / max} (0 black, max white; values outside [0, max] are clipped), so MNIST digits
 * appear white on black. Pixels are drawn as {@code scale x scale} squares without smoothing.
 */
public final class DigitImages {

  private DigitImages() {}

  /**
   * Writes one image.
   *
   * @param pixels height * width values, row-major
   * @param height image rows, at least 1
   * @param width image columns, at least 1
   * @param max the value shown as white (255 for raw MNIST, 1 for scaled)
   * @param scale screen pixels per image pixel, 1..64
   * @param out the PNG file, {@code width * scale} x {@code height * scale} pixels
   * @throws IOException when the file cannot be written
   * @throws IllegalArgumentException when the sizes do not match or max is not positive
   */
  public static void write(float[] pixels, int height, int width, double max, int scale, Path out)
      throws IOException {
    Png.headless();
    check(pixels.length, height, width, max, scale);
    BufferedImage img = new BufferedImage(width * scale, height * scale,
        BufferedImage.TYPE_BYTE_GRAY);
    paint(img, pixels, 0, height, width, max, scale, 0, 0);
    Png.write(img, out);
  }

  /**
   * Writes one MNIST image as stored in the IDX file (0..255).
   *
   * @param image a [height, width] array, such as {@code train.image(4)}
   * @param scale screen pixels per image pixel, 1..64
   * @param out the PNG file
   * @throws IOException when the file cannot be written
   * @throws IllegalArgumentException when the image is not of rank 2
   */
  public static void write(IdxArray image, int scale, Path out) throws IOException {
    Objects.requireNonNull(image, "image");
    if (image.rank() != 2) {
      throw new IllegalArgumentException("image must have rank 2 (rows, columns), got shape "
          + java.util.Arrays.toString(image.shape()));
    }
    write(image.toFloatArray(), image.dim(0), image.dim(1), 255.0, scale, out);
  }

  /**
   * Writes the rows of a matrix as a grid of images, left to right and top to bottom, with a
   * caption above each (the label, when labels are given).
   *
   * @param images n x (height * width) matrix, one image per row, for example
   *     {@code train.head(25).toMatrix()}
   * @param height image rows
   * @param width image columns
   * @param max the value shown as white (255 raw, 1 scaled)
   * @param columns images per grid row, at least 1
   * @param labels n captions as numbers, or null for none
   * @param scale screen pixels per image pixel, 1..64
   * @param out the PNG file
   * @throws IOException when the file cannot be written
   * @throws IllegalArgumentException when sizes do not match
   */
  public static void writeGrid(FloatMatrix images, int height, int width, double max, int columns,
      int[] labels, int scale, Path out) throws IOException {
    Png.headless();
    Objects.requireNonNull(images, "images");
    int n = images.rows();
    check(images.cols(), height, width, max, scale);
    if (n < 1) {
      throw new IllegalArgumentException("images must have at least one row");
    }
    if (columns < 1) {
      throw new IllegalArgumentException("columns must be >= 1, got " + columns);
    }
    if (labels != null && labels.length != n) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "labels has %d values but there are %d images", labels.length, n));
    }
    int cols = Math.min(columns, n);
    int rows = (n + cols - 1) / cols;
    int gap = Math.max(2, scale);
    int caption = labels == null ? 0 : Math.max(12, 4 * scale);
    int cellW = width * scale + gap;
    int cellH = height * scale + gap + caption;
    BufferedImage img = new BufferedImage(cols * cellW + gap, rows * cellH + gap,
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, img.getWidth(), img.getHeight());
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(10, caption - 3)));
      float[] a = images.data();
      for (int i = 0; i < n; i++) {
        int x0 = gap + (i % cols) * cellW;
        int y0 = gap + (i / cols) * cellH;
        if (labels != null) {
          g.drawString(Integer.toString(labels[i]), x0, y0 + caption - 3);
        }
        paint(img, a, i * height * width, height, width, max, scale, x0, y0 + caption);
      }
    } finally {
      g.dispose();
    }
    Png.write(img, out);
  }

  private static void check(int length, int height, int width, double max, int scale) {
    if (height < 1 || width < 1 || (long) height * width != length) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "a %d x %d image needs %d values, got %d", height, width, (long) height * width,
          length));
    }
    if (!(max > 0) || Double.isInfinite(max)) {
      throw new IllegalArgumentException("max must be positive and finite, got " + max);
    }
    if (scale < 1 || scale > 64) {
      throw new IllegalArgumentException("scale must be in 1..64, got " + scale);
    }
  }

  private static void paint(BufferedImage img, float[] pixels, int off, int height, int width,
      double max, int scale, int x0, int y0) {
    for (int r = 0; r < height; r++) {
      for (int c = 0; c < width; c++) {
        double v = pixels[off + r * width + c] / max;
        int grey = Double.isNaN(v) ? 0 : (int) Math.round(255 * Math.min(1.0, Math.max(0.0, v)));
        int rgb = (grey << 16) | (grey << 8) | grey;
        for (int dy = 0; dy < scale; dy++) {
          for (int dx = 0; dx < scale; dx++) {
            img.setRGB(x0 + c * scale + dx, y0 + r * scale + dy, rgb);
          }
        }
      }
    }
  }
}
