package org.mnistkit.core.testing;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.mnistkit.core.idx.IdxArray;
import org.mnistkit.core.idx.IdxWriter;

/**
 * Generators of the user's own data in each form (IDX pair, CSV, PNG class folders), valid and
 * broken, from the same images and labels, so that tests can check that every form reads the same.
 * Published in mnist-core's test-jar.
 */
public final class OwnDataFixtures {

  private OwnDataFixtures() {}

  /** Where the label goes in a generated CSV row. */
  public enum Label { FIRST, LAST, NONE }

  /** Writes the images and labels of both splits as IDX files with EMNIST-style names (gzip). */
  public static Path writeIdx(Path dir, IdxArray trainX, IdxArray trainY, IdxArray testX, IdxArray testY)
      throws IOException {
    Files.createDirectories(dir);
    IdxWriter.write(trainX, dir.resolve("own-train-images-idx3-ubyte.gz"), IdxWriter.Compression.GZIP);
    IdxWriter.write(trainY, dir.resolve("own-train-labels-idx1-ubyte.gz"), IdxWriter.Compression.GZIP);
    IdxWriter.write(testX, dir.resolve("own-test-images-idx3-ubyte"), IdxWriter.Compression.NONE);
    IdxWriter.write(testY, dir.resolve("own-test-labels-idx1-ubyte"), IdxWriter.Compression.NONE);
    return dir;
  }

  /**
   * Writes one CSV file: one row per image, with Kaggle's header ({@code label,pixel0,...}) when
   * header is true, the label placed as given (labels may be null with {@link Label#NONE}).
   */
  public static Path writeCsv(Path file, IdxArray images, IdxArray labels, boolean header, Label label)
      throws IOException {
    int n = images.dim(0);
    int pixels = images.size() / n;
    Files.createDirectories(file.getParent());
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      if (header) {
        StringBuilder h = new StringBuilder(label == Label.FIRST ? "label," : "");
        for (int p = 0; p < pixels; p++) {
          h.append(p == 0 ? "" : ",").append("pixel").append(p);
        }
        w.write(h + (label == Label.LAST ? ",label" : "") + "\n");
      }
      for (int i = 0; i < n; i++) {
        StringBuilder row = new StringBuilder(label == Label.FIRST ? labels.getInt(i) + "," : "");
        for (int p = 0; p < pixels; p++) {
          row.append(p == 0 ? "" : ",").append(images.getInt(i * pixels + p));
        }
        w.write(row + (label == Label.LAST ? "," + labels.getInt(i) : "") + "\n");
      }
    }
    return file;
  }

  /** Writes train.csv and test.csv with Kaggle's header, the label first. */
  public static Path writeCsv(Path dir, IdxArray trainX, IdxArray trainY, IdxArray testX, IdxArray testY)
      throws IOException {
    writeCsv(dir.resolve("train.csv"), trainX, trainY, true, Label.FIRST);
    writeCsv(dir.resolve("test.csv"), testX, testY, true, Label.FIRST);
    return dir;
  }

  /**
   * Writes one split as class folders of 8-bit grey PNGs: image i goes to
   * {@code splitDir/<classNames[label i]>/img<i, 5 digits>.png}.
   */
  public static void writePngSplit(Path splitDir, IdxArray images, IdxArray labels, List<String> classNames)
      throws IOException {
    int n = images.dim(0);
    int h = images.dim(1);
    int w = images.dim(2);
    for (int i = 0; i < n; i++) {
      int[] grey = new int[h * w];
      for (int p = 0; p < grey.length; p++) {
        grey[p] = images.getInt(i * h * w + p);
      }
      Path classDir = Files.createDirectories(splitDir.resolve(classNames.get(labels.getInt(i))));
      writeGreyPng(classDir.resolve(String.format(java.util.Locale.ROOT, "img%05d.png", i)), grey, w, h, 8);
    }
  }

  /** Writes a grey PNG of the given bit depth (8 or 16) with the values (0..2^bits-1), row-major. */
  public static Path writeGreyPng(Path file, int[] values, int w, int h, int bits) throws IOException {
    BufferedImage img = new BufferedImage(w, h, bits == 16 ? BufferedImage.TYPE_USHORT_GRAY
        : BufferedImage.TYPE_BYTE_GRAY);
    WritableRaster r = img.getRaster();
    r.setPixels(0, 0, w, h, values);
    return write(img, file);
  }

  /** Writes an RGB or RGBA PNG from packed ARGB values, row-major. */
  public static Path writeArgbPng(Path file, int[] argb, int w, int h, boolean alpha) throws IOException {
    BufferedImage img = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    img.setRGB(0, 0, w, h, argb, 0, w);
    return write(img, file);
  }

  private static Path write(BufferedImage img, Path file) throws IOException {
    Files.createDirectories(file.getParent());
    if (!ImageIO.write(img, "png", file.toFile())) {
      throw new IOException("no PNG writer for " + img);
    }
    return file;
  }
}
