package org.mnistkit.core.data;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.util.Locale;
import java.util.Objects;

/**
 * How an image of any size becomes size x size grey levels in the MNIST convention (0 = background,
 * 255 = ink, white digits on black). The rule, in order:
 * <ol>
 *   <li><b>Grey.</b> A grey image's level is used as stored; a colour or palette image's is the luma
 *       of ITU-R BT.601, {@code 0.299 R + 0.587 G + 0.114 B}, on the stored (gamma-encoded) values.
 *       Samples of fewer than 8 bits are scaled to 0..255. A transparent pixel is composited over
 *       white, as an image viewer shows it: {@code a * v + (1 - a) * 255} with a in [0, 1].</li>
 *   <li><b>Polarity.</b> With {@link Inversion#AUTO}, an image whose outermost rows and columns
 *       average above 127.5 (a light background: dark ink on paper) is inverted, {@code 255 - v};
 *       {@link Inversion#ALWAYS} and {@link Inversion#NEVER} do or do not invert every image.</li>
 *   <li><b>Square.</b> A non-square image is padded to a square with background (0), centred, so
 *       that the aspect ratio is kept.</li>
 *   <li><b>Resize.</b> Area averaging: each output pixel is the mean of the square area of the
 *       input it covers, partly covered input pixels weighted by the covered fraction (a box
 *       filter; an input already size x size is unchanged).</li>
 *   <li><b>Round</b> half up to an integer 0..255.</li>
 * </ol>
 * Unlike MNIST's own preparation, the digit is not cropped, fitted into 20 x 20 or centred by its
 * centre of mass: the whole image is scaled.
 *
 * @param size the side of the output images in pixels, 1..1024 (28 for MNIST)
 * @param inversion when to turn dark-on-light images into light-on-dark
 */
public record PngConversion(int size, Inversion inversion) {

  /** 28 x 28 with {@link Inversion#AUTO}. */
  public static final PngConversion DEFAULT = new PngConversion(28, Inversion.AUTO);

  /** When an image's grey levels are inverted ({@code 255 - v}). */
  public enum Inversion {
    /** When the image's border averages above 127.5, that is, it has a light background. */
    AUTO,
    /** Always: every image is dark ink on a light background. */
    ALWAYS,
    /** Never: every image is already light ink on a dark background, as MNIST. */
    NEVER;

    /**
     * @param name auto, always or never, any case
     * @return the value
     * @throws IllegalArgumentException for any other name
     */
    public static Inversion parse(String name) {
      return OptionNames.parse(values(), i -> i.name().toLowerCase(Locale.ROOT), name, "inversion");
    }
  }

  /**
   * @param size the side of the output images in pixels, 1..1024
   * @param inversion when to invert
   * @throws IllegalArgumentException when size is outside 1..1024
   */
  public PngConversion {
    Objects.requireNonNull(inversion, "inversion");
    if (size < 1 || size > 1024) {
      throw new IllegalArgumentException("size must be in 1..1024, got " + size);
    }
  }

  /**
   * Converts one decoded image by the rule in the class comment.
   *
   * @param image any image with at most 8 bits per sample: grey, grey with alpha, RGB, RGBA or a palette
   * @return size * size grey levels, row-major, as unsigned bytes
   * @throws IllegalArgumentException when a sample has more than 8 bits (a 16-bit PNG) or the colour
   *     model is neither grey, RGB nor a palette
   */
  public byte[] toGrey(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    float[] grey = grey(image);
    if (inversion == Inversion.ALWAYS || inversion == Inversion.AUTO && borderMean(grey, w, h) > 127.5) {
      for (int i = 0; i < grey.length; i++) {
        grey[i] = 255f - grey[i];
      }
    }
    int side = Math.max(w, h);
    double[][] rowW = weights(side, size);
    int top = (side - h) / 2;
    int left = (side - w) / 2;
    // horizontal pass over the h real rows (padding columns add 0), then vertical over the padded rows
    double[] tmp = new double[h * size];
    for (int r = 0; r < h; r++) {
      for (int o = 0; o < size; o++) {
        double sum = 0;
        for (int k = 0; k < rowW[o].length; k += 2) {
          int c = (int) rowW[o][k] - left;
          if (c >= 0 && c < w) {
            sum += rowW[o][k + 1] * grey[r * w + c];
          }
        }
        tmp[r * size + o] = sum;
      }
    }
    byte[] out = new byte[size * size];
    for (int o = 0; o < size; o++) {
      for (int col = 0; col < size; col++) {
        double sum = 0;
        for (int k = 0; k < rowW[o].length; k += 2) {
          int r = (int) rowW[o][k] - top;
          if (r >= 0 && r < h) {
            sum += rowW[o][k + 1] * tmp[r * size + col];
          }
        }
        out[o * size + col] = (byte) Math.max(0, Math.min(255, (int) Math.floor(sum + 0.5 + 1e-9)));
      }
    }
    return out;
  }

  /**
   * Area-averaging weights from n input pixels to m output pixels: for output o, pairs (input index,
   * fraction of o's span it covers), the fractions summing to 1.
   */
  private static double[][] weights(int n, int m) {
    double scale = (double) n / m;
    double[][] out = new double[m][];
    for (int o = 0; o < m; o++) {
      double from = o * scale;
      double to = (o + 1) * scale;
      int first = (int) Math.floor(from);
      int last = Math.min(n - 1, (int) Math.ceil(to) - 1);
      double[] pairs = new double[2 * (last - first + 1)];
      for (int i = first; i <= last; i++) {
        double cover = Math.min(to, i + 1) - Math.max(from, i);
        pairs[2 * (i - first)] = i;
        pairs[2 * (i - first) + 1] = cover / scale;
      }
      out[o] = pairs;
    }
    return out;
  }

  private static float[] grey(BufferedImage image) {
    Raster raster = image.getRaster();
    ColorModel cm = image.getColorModel();
    int bands = raster.getNumBands();
    int[] max = new int[bands];
    for (int b = 0; b < bands; b++) {
      int bits = raster.getSampleModel().getSampleSize(b);
      if (bits > 8) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%d bits per sample; only images of up to 8 bits per sample are read (convert it, for example "
                + "with ImageMagick: convert in.png -depth 8 out.png)", bits));
      }
      max[b] = (1 << bits) - 1;
    }
    int w = image.getWidth();
    int h = image.getHeight();
    int colours = cm.getNumColorComponents();
    boolean palette = cm instanceof IndexColorModel;
    if (!palette && colours != 1 && colours != 3) {
      throw new IllegalArgumentException("unsupported colour model with " + colours + " colour components; "
          + "expected grey, RGB or a palette");
    }
    float[] out = new float[w * h];
    int[] px = new int[bands];
    double[] s = new double[bands];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        raster.getPixel(x, y, px);
        double v;
        double a;
        if (palette) {
          IndexColorModel icm = (IndexColorModel) cm;
          v = luma(icm.getRed(px[0]), icm.getGreen(px[0]), icm.getBlue(px[0]));
          a = icm.getAlpha(px[0]) / 255.0;
        } else {
          for (int b = 0; b < bands; b++) {
            s[b] = px[b] * 255.0 / max[b];
          }
          v = colours == 1 ? s[0] : luma(s[0], s[1], s[2]);
          a = cm.hasAlpha() ? s[colours] / 255.0 : 1.0;
        }
        out[y * w + x] = (float) (a * v + (1 - a) * 255.0);
      }
    }
    return out;
  }

  private static double luma(double r, double g, double b) {
    return 0.299 * r + 0.587 * g + 0.114 * b;
  }

  private static double borderMean(float[] grey, int w, int h) {
    double sum = 0;
    int count = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (y == 0 || y == h - 1 || x == 0 || x == w - 1) {
          sum += grey[y * w + x];
          count++;
        }
      }
    }
    return sum / count;
  }
}
