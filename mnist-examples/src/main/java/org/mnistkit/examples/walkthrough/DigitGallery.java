package org.mnistkit.examples.walkthrough;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.eda.plot.DigitImages;

/**
 * The test digits the report shows, one small PNG per test image ({@value #SCALE} screen pixels
 * per image pixel, nearest neighbour, white on black as R's {@code as.raster} draws them), in the
 * report's {@value #FOLDER} folder. An image shown several times (in a confusion cell, among the
 * mistakes, among the disagreements) is written once.
 */
final class DigitGallery {

  /** Screen pixels per image pixel: a 28 x 28 digit becomes 84 x 84. */
  static final int SCALE = 3;
  /** The folder, inside the report folder, that holds the digits' PNGs. */
  static final String FOLDER = "digits";

  private final FloatMatrix images;
  private final int height;
  private final int width;

  /**
   * @param images the test rows, one image per row, values in [0, 1]
   * @param height image rows (28 for MNIST)
   * @param width image columns (28 for MNIST)
   */
  DigitGallery(FloatMatrix images, int height, int width) {
    this.images = images;
    this.height = height;
    this.width = width;
  }

  /**
   * @param row a test row, 0-based
   * @return its picture's name relative to the report folder, such as {@code digits/test-00042.png}
   */
  static String src(int row) {
    return String.format(Locale.ROOT, "%s/test-%05d.png", FOLDER, row);
  }

  /**
   * Writes the pictures of the rows that the diagnostics show.
   *
   * @param diagnostics every model's diagnostics and their disagreements
   * @param files the report's files, through which every picture is named
   * @return the rows written, ascending
   * @throws IOException when a file cannot be written
   */
  SortedSet<Integer> write(Diagnostics diagnostics, ReportFiles files) throws IOException {
    SortedSet<Integer> rows = new TreeSet<>();
    for (ModelDiagnostics m : diagnostics.models()) {
      for (int[][] row : m.cellRows()) {
        for (int[] cell : row) {
          add(rows, cell);
        }
      }
      add(rows, m.confidentMistakes());
    }
    for (ModelDiagnostics.Disagreement d : diagnostics.disagreements()) {
      add(rows, d.rows());
    }
    List<Path> paths = files.files(rows.stream().map(DigitGallery::src).toList());
    int i = 0;
    for (int row : rows) {
      DigitImages.write(images.rowCopy(row), height, width, 1.0, SCALE, paths.get(i++));
    }
    return rows;
  }

  private static void add(SortedSet<Integer> rows, int[] more) {
    for (int r : more) {
      rows.add(r);
    }
  }
}
