package org.mnistkit.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistkit.core.io.FileFormatException;
import org.mnistkit.core.testing.OwnDataFixtures;

class PngFolderReaderTest {

  @TempDir Path dir;

  private static final PngConversion KEEP = new PngConversion(2, PngConversion.Inversion.NEVER);

  private static int[] fill(int n, int v) {
    int[] a = new int[n];
    java.util.Arrays.fill(a, v);
    return a;
  }

  private static int[] grey(byte[] b) {
    int[] out = new int[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = b[i] & 0xff;
    }
    return out;
  }

  private static BufferedImage greyImage(int w, int h, int... values) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    img.getRaster().setPixels(0, 0, w, h, values);
    return img;
  }

  @Test
  void areaAveragingMeansEachCoveredBlock() {
    // 4 x 4 to 2 x 2: each output is the mean of a 2 x 2 block
    BufferedImage img = greyImage(4, 4, 0, 10, 100, 100, 20, 30, 100, 101, 255, 255, 0, 0, 255, 254, 0, 1);
    assertArrayEquals(new int[] {15, 100, 255, 0}, grey(KEEP.toGrey(img))); // 100.25 -> 100, 254.75 -> 255, 0.25 -> 0
    // 3 x 3 to 2 x 2: the middle row and column count half for each output
    BufferedImage odd = greyImage(3, 3, 0, 0, 0, 0, 90, 0, 0, 0, 0);
    // output (0, 0) covers 1.5 x 1.5 pixels, the centre pixel 0.5 x 0.5 of them: 90 * 0.25 / 2.25 = 10
    assertArrayEquals(new int[] {10, 10, 10, 10}, grey(KEEP.toGrey(odd)));
  }

  @Test
  void colourIsBt601LumaAlphaIsOverWhiteAndNonSquareIsPaddedWithBackground() throws IOException {
    Path f = OwnDataFixtures.writeArgbPng(dir.resolve("rgb.png"),
        new int[] {0xffff0000, 0xff00ff00, 0xff0000ff, 0x00000000}, 2, 2, true);
    BufferedImage img = javax.imageio.ImageIO.read(f.toFile());
    // red 0.299 * 255 = 76.2, green 149.7, blue 29.1; a fully transparent pixel is white
    assertArrayEquals(new int[] {76, 150, 29, 255}, grey(KEEP.toGrey(img)));
    // 2 wide, 1 high: padded to 2 x 2 with 0, the image row in the middle (row 0 for odd padding)
    BufferedImage wide = greyImage(2, 1, 200, 100);
    assertArrayEquals(new int[] {200, 100, 0, 0}, grey(KEEP.toGrey(wide)));
  }

  @Test
  void autoInvertsDarkOnLightImagesOnly() {
    PngConversion auto = new PngConversion(3, PngConversion.Inversion.AUTO);
    BufferedImage paper = greyImage(3, 3, 250, 250, 250, 250, 0, 250, 250, 250, 250); // dark ink, light border
    assertArrayEquals(new int[] {5, 5, 5, 5, 255, 5, 5, 5, 5}, grey(auto.toGrey(paper)));
    BufferedImage mnist = greyImage(3, 3, 0, 0, 0, 0, 255, 0, 0, 0, 0);
    assertArrayEquals(new int[] {0, 0, 0, 0, 255, 0, 0, 0, 0}, grey(auto.toGrey(mnist)));
    PngConversion always = new PngConversion(3, PngConversion.Inversion.ALWAYS);
    assertArrayEquals(new int[] {255, 255, 255, 255, 0, 255, 255, 255, 255}, grey(always.toGrey(mnist)));
    assertEquals(PngConversion.Inversion.NEVER, PngConversion.Inversion.parse("never"));
    assertEquals("unknown inversion 'yes'; expected auto, always or never",
        assertThrows(IllegalArgumentException.class, () -> PngConversion.Inversion.parse("yes")).getMessage());
    assertEquals("size must be in 1..1024, got 0",
        assertThrows(IllegalArgumentException.class, () -> new PngConversion(0, PngConversion.Inversion.AUTO))
            .getMessage());
  }

  @Test
  void classNamesAreTheSortedFolderNamesAndAnyImageSizeBecomes28x28() throws IOException {
    OwnDataFixtures.writeGreyPng(dir.resolve("train/zebra/b.png"), fill(56 * 56, 40), 56, 56, 8);
    OwnDataFixtures.writeGreyPng(dir.resolve("train/zebra/a.png"), fill(10 * 10, 80), 10, 10, 8);
    OwnDataFixtures.writeGreyPng(dir.resolve("train/ant/x.png"), fill(28 * 28, 120), 28, 28, 8);
    Files.writeString(dir.resolve("train/.DS_Store"), "skipped");
    Files.writeString(dir.resolve("train/zebra/.hidden"), "skipped");
    OwnDataFixtures.writeGreyPng(dir.resolve("test/zebra/c.png"), fill(28 * 28, 7), 28, 28, 8);
    MnistDataset d = UserData.load(dir);
    assertEquals(List.of("ant", "zebra"), d.classNames());
    assertArrayEquals(new int[] {0, 1, 1}, d.train().labels());
    assertArrayEquals(new int[] {3, 28, 28}, d.train().shape());
    assertEquals(120, d.train().images().getInt(0));
    assertEquals(80, d.train().images().getInt(784)); // a.png before b.png
    assertEquals(40, d.train().images().getInt(2 * 784 + 783));
    assertArrayEquals(new int[] {1}, d.test().labels());
    assertEquals("folder " + dir + " (png-folder)", d.source());
  }

  @Test
  void malformedFoldersAndFilesGetClearErrors() throws IOException {
    OwnDataFixtures.writeGreyPng(dir.resolve("train/0/a.png"), fill(4, 65535), 2, 2, 16);
    OwnDataFixtures.writeGreyPng(dir.resolve("test/0/a.png"), fill(4, 1), 2, 2, 8);
    assertEquals(dir.resolve("train/0/a.png") + ": 16 bits per sample; only images of up to 8 bits per sample are "
        + "read (convert it, for example with ImageMagick: convert in.png -depth 8 out.png)", message(dir));

    OwnDataFixtures.writeGreyPng(dir.resolve("train/0/a.png"), fill(4, 255), 2, 2, 8);
    Files.writeString(dir.resolve("train/0/notes.txt"), "not an image");
    assertEquals(dir.resolve("train/0/notes.txt") + ": is not a PNG image (no PNG signature); a png-folder dataset "
        + "holds only PNG files in its class folders (names starting with a dot are skipped)", message(dir));

    Files.delete(dir.resolve("train/0/notes.txt"));
    Files.createDirectories(dir.resolve("train/1"));
    assertEquals(dir.resolve("train/1") + ": is an empty class folder; add PNG images to it or remove it",
        message(dir));

    Files.delete(dir.resolve("train/1"));
    Files.createDirectories(dir.resolve("test/2"));
    OwnDataFixtures.writeGreyPng(dir.resolve("test/2/a.png"), fill(4, 1), 2, 2, 8);
    assertEquals(dir.resolve("test/2") + ": is not a class of the training data; classes: 0", message(dir));

    Path bare = Files.createDirectories(dir.resolve("bare/train"));
    Files.createDirectories(dir.resolve("bare/test"));
    assertEquals(bare + ": has no class folders; expected one sub-folder of PNG images per class (torchvision's "
        + "ImageFolder layout), such as train/0/a.png", message(dir.resolve("bare")));

    Files.write(dir.resolve("bare/train/0.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1});
    Files.createDirectories(dir.resolve("bare/train/0"));
    Files.copy(dir.resolve("bare/train/0.png"), dir.resolve("bare/train/0/broken.png"));
    String broken = message(dir.resolve("bare"));
    assertEquals(dir.resolve("bare/train/0/broken.png") + ": cannot be decoded as PNG: ",
        broken.substring(0, broken.indexOf(": cannot be decoded as PNG: ") + 28));
  }

  private static String message(Path dataDir) {
    return assertThrows(FileFormatException.class, () -> UserData.reader().format(DataFormat.PNG_FOLDER).build()
        .read(dataDir)).getMessage();
  }
}
