package org.mnistkit.examples.walkthrough;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistkit.core.tensor.FloatMatrix;

class DigitSpritesTest {

  /** n images of h x w whose pixel p of image i is ((i * 7 + p) % 16) / 15, so every level appears. */
  static FloatMatrix images(int n, int h, int w) {
    float[] a = new float[n * h * w];
    for (int i = 0; i < n; i++) {
      for (int p = 0; p < h * w; p++) {
        a[i * h * w + p] = ((i * 7 + p) % 16) / 15f;
      }
    }
    return FloatMatrix.wrap(n, h * w, a);
  }

  @Test
  void theFullSizeLayoutPutsTenThousandDigitsOnASheetOfTwentyEightHundredPixels() {
    DigitSprites.Layout l = new DigitSprites.Layout(60000, 28, 28, DigitSprites.COLUMNS, DigitSprites.ROWS);
    assertEquals(10000, l.perSheet());
    assertEquals(6, l.sheets());
    assertArrayEquals(new int[] {2800, 2800}, l.size(5));
    assertEquals(7, new DigitSprites.Layout(60001, 28, 28, 100, 100).sheets());
    // digit 101: second row, second column of sheet 0; digit 10000: top left of sheet 1;
    // digit 59999: bottom right of sheet 5
    assertEquals(0, l.sheet(101));
    assertEquals(28, l.x(101));
    assertEquals(28, l.y(101));
    assertEquals(1, l.sheet(10000));
    assertEquals(0, l.x(10000));
    assertEquals(0, l.y(10000));
    assertEquals(5, l.sheet(59999));
    assertEquals(99 * 28, l.x(59999));
    assertEquals(99 * 28, l.y(59999));
    assertEquals("digits-5.png", DigitSprites.Layout.fileName(5));
  }

  @Test
  void aPartialLastSheetIsAllColumnsWideAndAsTallAsItsRows() {
    DigitSprites.Layout l = new DigitSprites.Layout(2345, 28, 28, 100, 100);
    assertEquals(1, l.sheets());
    assertEquals(2345, l.countOn(0));
    assertArrayEquals(new int[] {2800, 24 * 28}, l.size(0));
    DigitSprites.Layout small = new DigitSprites.Layout(7, 2, 3, 2, 2);
    assertEquals(2, small.sheets());
    assertEquals(3, small.countOn(1));
    assertArrayEquals(new int[] {6, 4}, small.size(1));
  }

  @Test
  void everyPixelLandsAtItsDigitsCellWithItsGreyLevel() {
    int n = 7;
    int h = 3;
    int w = 2;
    FloatMatrix x = images(n, h, w);
    DigitSprites.Layout l = new DigitSprites.Layout(n, h, w, 2, 2);
    for (int k = 0; k < l.sheets(); k++) {
      BufferedImage sheet = DigitSprites.sheet(x, 1.0, l, k);
      assertEquals(l.size(k)[0], sheet.getWidth());
      assertEquals(l.size(k)[1], sheet.getHeight());
      for (int i = k * 4; i < Math.min(n, k * 4 + 4); i++) {
        for (int p = 0; p < h * w; p++) {
          int level = (i * 7 + p) % 16;
          assertEquals(level, sheet.getRaster().getSample(l.x(i) + p % w, l.y(i) + p / w, 0), "image " + i + " pixel " + p);
          int grey = (int) Math.round(255.0 * level / 15);
          assertEquals(0xff000000 | grey << 16 | grey << 8 | grey, sheet.getRGB(l.x(i) + p % w, l.y(i) + p / w));
        }
      }
    }
    // sheet 1 holds digits 4, 5, 6: the fourth cell (bottom right) stays black
    BufferedImage last = DigitSprites.sheet(x, 1.0, l, 1);
    for (int y = h; y < 2 * h; y++) {
      for (int c = w; c < 2 * w; c++) {
        assertEquals(0, last.getRaster().getSample(c, y, 0));
      }
    }
  }

  @Test
  void levelsAreRoundedAndClipped() {
    assertEquals(0, DigitSprites.level(0f, 1));
    assertEquals(15, DigitSprites.level(1f, 1));
    assertEquals(15, DigitSprites.level(255f, 255));
    assertEquals(8, DigitSprites.level(128f, 255)); // 128 / 255 * 15 = 7.53
    assertEquals(0, DigitSprites.level(-3f, 1));
    assertEquals(15, DigitSprites.level(7f, 1));
    assertEquals(0, DigitSprites.level(Float.NaN, 1));
  }

  @Test
  void writtenSheetsAreFourBitPngsThatReadBackUnchanged(@TempDir Path dir) throws IOException {
    FloatMatrix x = images(7, 3, 2);
    DigitSprites.Layout l = new DigitSprites.Layout(7, 3, 2, 2, 2);
    DigitSprites.write(x, 1.0, l, 0, dir::resolve);
    assertTrue(Files.exists(dir.resolve("digits-0.png")));
    BufferedImage back = ImageIO.read(dir.resolve("digits-1.png").toFile());
    BufferedImage drawn = DigitSprites.sheet(x, 1.0, l, 1);
    assertEquals(4, back.getColorModel().getPixelSize());
    for (int y = 0; y < drawn.getHeight(); y++) {
      for (int c = 0; c < drawn.getWidth(); c++) {
        assertEquals(drawn.getRGB(c, y), back.getRGB(c, y));
      }
    }
    Files.delete(dir.resolve("digits-0.png"));
    DigitSprites.write(x, 1.0, l, 1, dir::resolve);
    assertFalse(Files.exists(dir.resolve("digits-0.png")), "sheets before 'from' are not written");
  }

  @Test
  void badInputIsRefusedWithTheValues() {
    FloatMatrix x = images(3, 3, 2);
    assertEquals("a 28 x 28 digit needs 784 values per row, the images have 6", assertThrows(
        IllegalArgumentException.class, () -> DigitSprites.sheet(x, 1, new DigitSprites.Layout(3, 28, 28, 2, 2), 0))
        .getMessage());
    assertEquals("the sprite layout holds 4 digits but there are only 3 images", assertThrows(
        IllegalArgumentException.class, () -> DigitSprites.sheet(x, 1, new DigitSprites.Layout(4, 3, 2, 2, 2), 0))
        .getMessage());
    assertEquals("sheet must be in 0..0, got 1", assertThrows(IllegalArgumentException.class,
        () -> DigitSprites.sheet(x, 1, new DigitSprites.Layout(3, 3, 2, 2, 2), 1)).getMessage());
    assertEquals("max must be positive and finite, got 0.0", assertThrows(IllegalArgumentException.class,
        () -> DigitSprites.sheet(x, 0, new DigitSprites.Layout(3, 3, 2, 2, 2), 0)).getMessage());
    assertEquals("sprite layout needs count, height, width, columns and rows >= 1, got 0, 3, 2, 2, 2",
        assertThrows(IllegalArgumentException.class, () -> new DigitSprites.Layout(0, 3, 2, 2, 2)).getMessage());
  }
}
