package org.mnistkit.eda.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A vector shown as an image-shaped heat map with a colour bar, for example a random forest's
 * 784 pixel importances as 28 x 28: row 0 at the top, as the digit is drawn, in square cells, with
 * pixel ticks on both axes. The colours are a {@link DivergingScale}: zero is white, positive
 * values red and negative ones blue, symmetric about zero, so that a pixel that does not matter
 * is white whatever the range; the colour bar's labels are rounded ticks, not the raw extremes.
 * Drawn directly with Java2D (XChart's heat map has neither square cells nor a zero-centred scale).
 */
public final class Heatmap {

  private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
  private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);
  private static final int LEFT = 64;
  private static final int BOTTOM = 56;
  private static final int RIGHT = 110;
  private static final int BAR_WIDTH = 16;

  private Heatmap() {}

  /**
   * Where the map lies in the picture: its top-left corner and the side of one square cell.
   *
   * @param left x of the map's left edge
   * @param top y of the map's top edge
   * @param cell side of a cell in pixels, at least 1
   */
  record Layout(int left, int top, int cell) {
    static Layout of(ChartOptions options, int height, int width) {
      int top = options.title().isEmpty() ? 16 : 44;
      int cell = Math.max(1, Math.min((options.width() - LEFT - RIGHT) / width,
          (options.height() - top - BOTTOM) / height));
      return new Layout(LEFT, top, cell);
    }
  }

  /**
   * Writes the heat map as a PNG.
   *
   * @param values height * width finite values, row-major (e.g. 784 importances)
   * @param height rows of the map (28 for MNIST)
   * @param width columns of the map (28 for MNIST)
   * @param options size and title; the axis labels name the columns and rows, such as
   *     {@code pixel column} and {@code pixel row}
   * @param out the PNG file
   * @throws IOException when the file cannot be written
   * @throws IllegalArgumentException when the length is not height * width or a value is not
   *     finite
   */
  public static void write(double[] values, int height, int width, ChartOptions options, Path out)
      throws IOException {
    Png.headless();
    Png.write(image(values, height, width, options), out);
  }

  static BufferedImage image(double[] values, int height, int width, ChartOptions options) {
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(options, "options");
    if (height < 1 || width < 1 || (long) height * width != values.length) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "a %d x %d map needs %d values, got %d", height, width, (long) height * width,
          values.length));
    }
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "values[%d] is not finite: %s", i, values[i]));
      }
    }
    DivergingScale scale = new DivergingScale(values);
    Layout at = Layout.of(options, height, width);
    BufferedImage img = new BufferedImage(options.width() * options.scale(), options.height() * options.scale(),
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.scale(options.scale(), options.scale());
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, options.width(), options.height());
      for (int r = 0; r < height; r++) {
        for (int c = 0; c < width; c++) {
          g.setColor(scale.colour(values[r * width + c]));
          g.fillRect(at.left() + c * at.cell(), at.top() + r * at.cell(), at.cell(), at.cell());
        }
      }
      int mapW = width * at.cell();
      int mapH = height * at.cell();
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.GRAY);
      g.setStroke(new BasicStroke(1f));
      g.drawRect(at.left() - 1, at.top() - 1, mapW + 1, mapH + 1);
      ticks(g, at, height, width);
      labels(g, options, at, mapW, mapH);
      colourBar(g, scale, at.left() + mapW + 24, at.top(), mapH);
    } finally {
      g.dispose();
    }
    return img;
  }

  /** Pixel indices every {@link #tickStep} cells, at the cells' centres, below and left of the map. */
  private static void ticks(Graphics2D g, Layout at, int height, int width) {
    g.setFont(TICK_FONT);
    FontMetrics fm = g.getFontMetrics();
    int bottom = at.top() + height * at.cell();
    g.setColor(Color.DARK_GRAY);
    for (int c = 0; c < width; c += tickStep(width)) {
      int x = at.left() + c * at.cell() + at.cell() / 2;
      g.drawLine(x, bottom + 1, x, bottom + 5);
      String s = Integer.toString(c);
      g.drawString(s, x - fm.stringWidth(s) / 2, bottom + 6 + fm.getAscent());
    }
    for (int r = 0; r < height; r += tickStep(height)) {
      int y = at.top() + r * at.cell() + at.cell() / 2;
      g.drawLine(at.left() - 6, y, at.left() - 2, y);
      String s = Integer.toString(r);
      g.drawString(s, at.left() - 8 - fm.stringWidth(s), y + fm.getAscent() / 2 - 1);
    }
  }

  /** @return the spacing of pixel ticks: every pixel up to 10, every 4th up to 40, then round steps */
  static int tickStep(int cells) {
    return cells <= 10 ? 1 : cells <= 40 ? 4 : cells <= 100 ? 10 : (int) DivergingScale.niceStep(cells / 8.0);
  }

  private static void labels(Graphics2D g, ChartOptions options, Layout at, int mapW, int mapH) {
    g.setColor(Color.BLACK);
    if (!options.title().isEmpty()) {
      g.setFont(TITLE_FONT);
      FontMetrics fm = g.getFontMetrics();
      g.drawString(options.title(), Math.max(4, at.left() + (mapW - fm.stringWidth(options.title())) / 2),
          at.top() - 16);
    }
    g.setFont(LABEL_FONT);
    FontMetrics fm = g.getFontMetrics();
    g.drawString(options.xLabel(), at.left() + (mapW - fm.stringWidth(options.xLabel())) / 2,
        at.top() + mapH + 28 + fm.getAscent());
    AffineTransform saved = g.getTransform();
    g.rotate(-Math.PI / 2);
    g.drawString(options.yLabel(), -(at.top() + (mapH + fm.stringWidth(options.yLabel())) / 2),
        at.left() - 34);
    g.setTransform(saved);
  }

  /** A vertical bar from -limit (bottom) to +limit (top) with the scale's rounded ticks. */
  private static void colourBar(Graphics2D g, DivergingScale scale, int x, int top, int h) {
    for (int y = 0; y < h; y++) {
      double v = scale.limit() * (1 - 2.0 * (y + 0.5) / h);
      g.setColor(scale.colour(v));
      g.drawLine(x, top + y, x + BAR_WIDTH - 1, top + y);
    }
    g.setColor(Color.GRAY);
    g.drawRect(x - 1, top - 1, BAR_WIDTH + 1, h + 1);
    g.setFont(TICK_FONT);
    FontMetrics fm = g.getFontMetrics();
    double[] ticks = scale.ticks();
    List<String> labels = scale.tickLabels();
    g.setColor(Color.DARK_GRAY);
    for (int i = 0; i < ticks.length; i++) {
      int y = top + (int) Math.round(h * (1 - ticks[i] / scale.limit()) / 2);
      g.drawLine(x + BAR_WIDTH, y, x + BAR_WIDTH + 4, y);
      g.drawString(labels.get(i), x + BAR_WIDTH + 7, y + fm.getAscent() / 2 - 1);
    }
  }
}
