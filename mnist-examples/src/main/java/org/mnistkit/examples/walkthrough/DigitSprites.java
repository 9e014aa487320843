package org.mnistkit.examples.walkthrough;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.mnistkit.core.io.AtomicFiles;
import org.mnistkit.core.tensor.FloatMatrix;

/**
 * Sprite sheets of digits for the report's hover images: instead of one file per digit (or 47 MB
 * of raw pixels), PNG grids of {@link #COLUMNS} x {@link #ROWS} digits, shown through a clipping
 * box in the embedding view's tooltip. Digit {@code i} lies on sheet {@code i / perSheet}, at
 * cell column {@code (i % perSheet) % columns} and cell row {@code (i % perSheet) / columns},
 * its top-left pixel at (column * width, row * height), white on black as R's
 * {@code as.raster} shows MNIST. Grey levels are kept to {@link #LEVELS} (a 4-bit PNG): MNIST's
 * strokes are nearly binary, and 16 levels look the same when enlarged while the 60000 training
 * digits take 6.2 MB instead of 10.5 MB at 256 levels (measured on MNIST, 6 sheets).
 */
final class DigitSprites {

  /** Digits per sheet row. */
  static final int COLUMNS = 100;

  /** Digit rows per full sheet. */
  static final int ROWS = 100;

  /** Grey levels of the sheets: 0 black (value 0) to 15 white (value max). */
  static final int LEVELS = 16;

  private DigitSprites() {}

  /**
   * Where each digit lies.
   *
   * @param count digits on all sheets, at least 1
   * @param height image rows of one digit, at least 1
   * @param width image columns of one digit, at least 1
   * @param columns digits per sheet row, at least 1
   * @param rows digit rows per full sheet, at least 1
   */
  record Layout(int count, int height, int width, int columns, int rows) {

    /** @throws IllegalArgumentException when a size is below 1 or a sheet would exceed 2^31 pixels */
    Layout {
      if (count < 1 || height < 1 || width < 1 || columns < 1 || rows < 1) {
        throw new IllegalArgumentException(String.format(Locale.ROOT, "sprite layout needs count, height, width, "
            + "columns and rows >= 1, got %d, %d, %d, %d, %d", count, height, width, columns, rows));
      }
      Math.multiplyExact(Math.multiplyExact(columns, width), Math.multiplyExact(rows, height));
    }

    /** @return digits per full sheet */
    int perSheet() {
      return columns * rows;
    }

    /** @return sheets needed for {@link #count} digits */
    int sheets() {
      return (count + perSheet() - 1) / perSheet();
    }

    /** @return the sheet of digit i */
    int sheet(int i) {
      return i / perSheet();
    }

    /** @return the x of digit i's top-left pixel on its sheet */
    int x(int i) {
      return (i % perSheet()) % columns * width;
    }

    /** @return the y of digit i's top-left pixel on its sheet */
    int y(int i) {
      return (i % perSheet()) / columns * height;
    }

    /** @return the digits on sheet k (the last one may hold fewer) */
    int countOn(int k) {
      return Math.min(perSheet(), count - k * perSheet());
    }

    /** @return sheet k's size in pixels, {width, height}: always all columns wide, as many rows as it holds */
    int[] size(int k) {
      int rowsUsed = (countOn(k) + columns - 1) / columns;
      return new int[] {columns * width, rowsUsed * height};
    }

    /** @return sheet k's file name, such as {@code digits-0.png} */
    static String fileName(int k) {
      return "digits-" + k + ".png";
    }
  }

  /**
   * Draws one sheet.
   *
   * @param images at least {@code layout.count()} rows of {@code height * width} values, one digit
   *     per row, row-major
   * @param max the value drawn white (1 for scaled images, 255 for raw); values are clipped to [0, max]
   * @param layout where the digits go
   * @param k the sheet, 0..sheets-1
   * @return a 4-bit grey image of {@code layout.size(k)}; cells past the last digit stay black
   * @throws IllegalArgumentException when the images do not match the layout or k is out of range
   */
  static BufferedImage sheet(FloatMatrix images, double max, Layout layout, int k) {
    check(images, max, layout);
    if (k < 0 || k >= layout.sheets()) {
      throw new IllegalArgumentException("sheet must be in 0.." + (layout.sheets() - 1) + ", got " + k);
    }
    int[] size = layout.size(k);
    byte[] grey = new byte[LEVELS];
    for (int l = 0; l < LEVELS; l++) {
      grey[l] = (byte) Math.round(255.0 * l / (LEVELS - 1));
    }
    BufferedImage img = new BufferedImage(size[0], size[1], BufferedImage.TYPE_BYTE_BINARY,
        new IndexColorModel(4, LEVELS, grey, grey, grey));
    WritableRaster raster = img.getRaster();
    float[] a = images.data();
    int h = layout.height();
    int w = layout.width();
    int first = k * layout.perSheet();
    for (int i = first; i < first + layout.countOn(k); i++) {
      int off = images.rowOffset(i);
      int x0 = layout.x(i);
      int y0 = layout.y(i);
      for (int p = 0; p < h * w; p++) {
        raster.setSample(x0 + p % w, y0 + p / w, 0, level(a[off + p], max));
      }
    }
    return img;
  }

  /**
   * Writes sheets {@code from} to the last one as PNG files.
   *
   * @param images the digits, as for {@link #sheet}
   * @param max the value drawn white
   * @param layout where the digits go
   * @param from the first sheet to write (earlier ones are left as they are)
   * @param files the path of each sheet's file name ({@link Layout#fileName})
   * @throws IOException when a file cannot be written
   */
  static void write(FloatMatrix images, double max, Layout layout, int from, Function<String, Path> files)
      throws IOException {
    for (int k = Math.max(0, from); k < layout.sheets(); k++) {
      BufferedImage img = sheet(images, max, layout, k);
      AtomicFiles.write(files.apply(Layout.fileName(k)), out -> {
        if (!ImageIO.write(img, "png", out)) {
          throw new IOException("no PNG writer available in this JVM");
        }
      });
    }
  }

  /** @return the grey level 0..LEVELS-1 of value v in [0, max] (clipped; NaN is black) */
  static int level(float v, double max) {
    double t = v / max;
    return Double.isNaN(t) ? 0 : (int) Math.round((LEVELS - 1) * Math.min(1.0, Math.max(0.0, t)));
  }

  private static void check(FloatMatrix images, double max, Layout layout) {
    if (images.cols() != layout.height() * layout.width()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "a %d x %d digit needs %d values per row, "
          + "the images have %d", layout.height(), layout.width(), layout.height() * layout.width(), images.cols()));
    }
    if (images.rows() < layout.count()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "the sprite layout holds %d digits but there "
          + "are only %d images", layout.count(), images.rows()));
    }
    if (!(max > 0) || Double.isInfinite(max)) {
      throw new IllegalArgumentException("max must be positive and finite, got " + max);
    }
  }
}
