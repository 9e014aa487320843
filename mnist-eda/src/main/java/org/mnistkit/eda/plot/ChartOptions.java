package org.mnistkit.eda.plot;

import java.util.Locale;

/**
 * Size, titles and markers of a chart; immutable, made with {@link #builder()}. Defaults: 800 x 600
 * pixels, no title, axis labels "x" and "y", markers of 2 pixels, classes named by their number,
 * draw-order seed 123, scale 1. Sizes are in layout pixels: with {@link Builder#scale scale} 2 (for
 * high-DPI screens and print) the PNG has twice as many pixels each way, with the same layout drawn
 * twice as fine; show it at its layout size (such as {@code <img width="800">}).
 */
public final class ChartOptions {

  private final int width;
  private final int height;
  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final int markerSize;
  private final String[] classNames;
  private final long seed;
  private final int scale;

  private ChartOptions(Builder b) {
    this.width = b.width;
    this.height = b.height;
    this.title = b.title;
    this.xLabel = b.xLabel;
    this.yLabel = b.yLabel;
    this.markerSize = b.markerSize;
    this.classNames = b.classNames == null ? null : b.classNames.clone();
    this.seed = b.seed;
    this.scale = b.scale;
  }

  /** @return device pixels per layout pixel, 1..4: the PNG is {@code width() * scale()} pixels wide */
  public int scale() {
    return scale;
  }

  /** @return a builder with the defaults */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the defaults */
  public static ChartOptions defaults() {
    return builder().build();
  }

  /** @return image width in pixels */
  public int width() {
    return width;
  }

  /** @return image height in pixels */
  public int height() {
    return height;
  }

  /** @return the title, empty for none */
  public String title() {
    return title;
  }

  /** @return the x axis label */
  public String xLabel() {
    return xLabel;
  }

  /** @return the y axis label */
  public String yLabel() {
    return yLabel;
  }

  /** @return marker diameter in pixels */
  public int markerSize() {
    return markerSize;
  }

  /** @return the seed of a scatter's random draw order */
  public long seed() {
    return seed;
  }

  /**
   * @param label a class label, at least 0
   * @return its name in legends: the configured class name, or the number
   */
  public String className(int label) {
    if (classNames != null && label < classNames.length) {
      return classNames[label];
    }
    return Integer.toString(label);
  }

  /** Settings of {@link ChartOptions}; checked in {@link #build()}. */
  public static final class Builder {
    private int width = 800;
    private int height = 600;
    private String title = "";
    private String xLabel = "x";
    private String yLabel = "y";
    private int markerSize = 2;
    private String[] classNames;
    private long seed = 123;
    private int scale = 1;

    private Builder() {}

    /**
     * @param scale device pixels per layout pixel, 1..4 (default 1); 2 gives a PNG of twice the
     *     width and height with the same layout, sharp on high-DPI screens and in print
     * @return this builder
     */
    public Builder scale(int scale) {
      this.scale = scale;
      return this;
    }

    /**
     * @param seed the seed of a scatter's random draw order (the same seed, the same picture)
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * @param width image width in pixels, 16..10000
     * @param height image height in pixels, 16..10000
     * @return this builder
     */
    public Builder size(int width, int height) {
      this.width = width;
      this.height = height;
      return this;
    }

    /**
     * @param title chart title, not null (empty for none)
     * @return this builder
     */
    public Builder title(String title) {
      this.title = java.util.Objects.requireNonNull(title, "title");
      return this;
    }

    /**
     * @param xLabel x axis label, not null
     * @param yLabel y axis label, not null
     * @return this builder
     */
    public Builder axisLabels(String xLabel, String yLabel) {
      this.xLabel = java.util.Objects.requireNonNull(xLabel, "xLabel");
      this.yLabel = java.util.Objects.requireNonNull(yLabel, "yLabel");
      return this;
    }

    /**
     * @param markerSize scatter marker diameter in pixels, 1..50
     * @return this builder
     */
    public Builder markerSize(int markerSize) {
      this.markerSize = markerSize;
      return this;
    }

    /**
     * @param classNames legend names of labels 0, 1, ... (for example MNIST's "0".."9" or
     *     Fashion-MNIST's "T-shirt/top", ...); null for the numbers
     * @return this builder
     */
    public Builder classNames(String... classNames) {
      this.classNames = classNames == null ? null : classNames.clone();
      return this;
    }

    /**
     * @return the options
     * @throws IllegalArgumentException naming the first setting out of range
     */
    public ChartOptions build() {
      if (width < 16 || width > 10000 || height < 16 || height > 10000) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "size must be within 16..10000 pixels each way, got %d x %d", width, height));
      }
      if (scale < 1 || scale > 4) {
        throw new IllegalArgumentException("scale must be in 1..4, got " + scale);
      }
      if (markerSize < 1 || markerSize > 50) {
        throw new IllegalArgumentException("markerSize must be in 1..50, got " + markerSize);
      }
      return new ChartOptions(this);
    }
  }
}
