package org.mnistkit.eda.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The legend of a class scatter, drawn beside the chart rather than by XChart, whose legend keys
 * take the plot's marker size (2 pixels for 60000 points, too small to match a colour to a
 * class). Keys are opaque discs of {@link #KEY_DIAMETER} pixels with the class name in
 * {@link #FONT_SIZE}-point text, whatever size and transparency the points have.
 */
final class ClassLegend {

  /** Diameter of a legend key in pixels. */
  static final int KEY_DIAMETER = 14;
  /** Size of the class names. */
  static final int FONT_SIZE = 14;
  private static final int PAD = 10;
  private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, FONT_SIZE);

  private ClassLegend() {}

  /** @return the width in pixels the legend of these names needs */
  static int width(List<String> names) {
    Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
    try {
      FontMetrics fm = g.getFontMetrics(FONT);
      int text = names.stream().mapToInt(fm::stringWidth).max().orElse(0);
      return PAD + KEY_DIAMETER + PAD / 2 + text + PAD;
    } finally {
      g.dispose();
    }
  }

  /**
   * Draws the chart and, to its right, one key per class.
   *
   * @param chart the rendered chart, as wide as the image minus the legend, at options' scale
   * @param labels the classes shown, in legend order
   * @param options the class names, the size of the whole image and its scale
   * @return the image of options' size times its scale
   */
  static BufferedImage compose(BufferedImage chart, List<Integer> labels, ChartOptions options) {
    int scale = options.scale();
    BufferedImage img = new BufferedImage(options.width() * scale, options.height() * scale,
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, img.getWidth(), img.getHeight());
      g.drawImage(chart, 0, 0, null);
      g.scale(scale, scale);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setFont(FONT);
      FontMetrics fm = g.getFontMetrics();
      int row = Math.max(KEY_DIAMETER, fm.getHeight()) + 6;
      int x = chart.getWidth() / scale + PAD;
      int y = Math.max(PAD, (options.height() - row * labels.size()) / 2);
      for (int label : labels) {
        g.setColor(Palette.colour(label));
        g.fillOval(x, y + (row - KEY_DIAMETER) / 2, KEY_DIAMETER, KEY_DIAMETER);
        g.setColor(Color.DARK_GRAY);
        g.drawString(options.className(label), x + KEY_DIAMETER + PAD / 2,
            y + (row - fm.getHeight()) / 2 + fm.getAscent());
        y += row;
      }
    } finally {
      g.dispose();
    }
    return img;
  }
}
