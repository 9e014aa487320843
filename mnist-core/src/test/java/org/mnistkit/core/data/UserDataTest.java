package org.mnistkit.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistkit.core.idx.IdxArray;
import org.mnistkit.core.io.FileFormatException;
import org.mnistkit.core.testing.IdxFixtures;
import org.mnistkit.core.testing.OwnDataFixtures;

class UserDataTest {

  @TempDir Path tmp;

  private static final IdxArray TRAIN_X = IdxFixtures.images(12, 28, 28);
  private static final IdxArray TRAIN_Y = IdxFixtures.labels(12, 10);
  private static final IdxArray TEST_X = IdxFixtures.images(5, 28, 28);
  private static final IdxArray TEST_Y = IdxFixtures.labels(5, 10);

  @Test
  void anyIdxPairIsReadWhateverItsNamesAndImageSize() throws IOException {
    Path dir = OwnDataFixtures.writeIdx(tmp.resolve("emnist-like"), IdxFixtures.images(6, 5, 7),
        IdxArray.ofUnsignedBytes(new byte[] {0, 3, 1, 3, 2, 0}, 6), IdxFixtures.images(2, 5, 7),
        IdxArray.ofUnsignedBytes(new byte[] {4, 0}, 2));
    MnistDataset d = UserData.load(dir);
    assertEquals("emnist-like", d.name());
    assertEquals("folder " + dir + " (idx)", d.source());
    assertArrayEquals(new int[] {6, 5, 7}, d.train().shape());
    assertArrayEquals(new int[] {0, 3, 1, 3, 2, 0}, d.train().labels());
    assertArrayEquals(new int[] {4, 0}, d.test().labels());
    assertEquals(List.of("0", "1", "2", "3", "4"), d.classNames()); // largest label of either split + 1
    assertEquals(IdxFixtures.images(6, 5, 7), d.train().images());
    assertFalse(d.train().origin().isPresent());
  }

  @Test
  void twoIdxPairsInOneFolderAreAnErrorListingBoth() throws IOException {
    Path dir = OwnDataFixtures.writeIdx(tmp, TRAIN_X, TRAIN_Y, TEST_X, TEST_Y);
    Files.copy(dir.resolve("own-train-images-idx3-ubyte.gz"), dir.resolve("other-train-images-idx3-ubyte.gz"));
    FileFormatException e = assertThrows(FileFormatException.class, () -> UserData.load(dir));
    assertEquals(dir + ": expected one train images file (a name containing train and ending in idx3-ubyte, "
        + "plain or .gz) but found 2: other-train-images-idx3-ubyte.gz, own-train-images-idx3-ubyte.gz; put each "
        + "dataset in a folder of its own", e.getMessage());
  }

  @Test
  void theSameDataAsIdxCsvAndPngGivesIdenticalSplits() throws IOException {
    MnistDataset idx = UserData.load(OwnDataFixtures.writeIdx(tmp.resolve("idx"), TRAIN_X, TRAIN_Y, TEST_X, TEST_Y));
    MnistDataset csv = UserData.load(OwnDataFixtures.writeCsv(tmp.resolve("csv"), TRAIN_X, TRAIN_Y, TEST_X, TEST_Y));
    Path png = tmp.resolve("png");
    List<String> names = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    OwnDataFixtures.writePngSplit(png.resolve("train"), TRAIN_X, TRAIN_Y, names);
    OwnDataFixtures.writePngSplit(png.resolve("test"), TEST_X, TEST_Y, names);
    MnistDataset pngData = UserData.reader()
        .pngConversion(new PngConversion(28, PngConversion.Inversion.NEVER)).build().read(png);
    for (MnistDataset other : List.of(csv)) {
      assertEquals(idx.train().images(), other.train().images());
      assertArrayEquals(idx.train().labels(), other.train().labels());
      assertEquals(idx.test().images(), other.test().images());
      assertArrayEquals(idx.test().labels(), other.test().labels());
      assertEquals(idx.classNames(), other.classNames());
    }
    assertEquals("folder " + tmp.resolve("csv") + " (csv)", csv.source());
    // the PNG folder groups the images by class (torchvision's order): compare class by class
    for (String split : List.of("train", "test")) {
      LabeledImages a = split.equals("train") ? idx.train() : idx.test();
      LabeledImages b = split.equals("train") ? pngData.train() : pngData.test();
      int[] order = java.util.stream.IntStream.range(0, a.size()).boxed()
          .sorted(java.util.Comparator.comparingInt(a::label)).mapToInt(Integer::intValue).toArray();
      assertEquals(a.subset(order).images(), b.images());
      assertArrayEquals(a.subset(order).labels(), b.labels());
    }
    assertEquals(names, pngData.classNames());
  }

  @Test
  void formatsAreDetectedByOneRuleAndAmbiguityIsAnError() throws IOException {
    assertEquals(DataFormat.IDX, DataFormat.detect(OwnDataFixtures.writeIdx(tmp.resolve("a"), TRAIN_X, TRAIN_Y,
        TEST_X, TEST_Y)));
    assertEquals(DataFormat.CSV, DataFormat.detect(OwnDataFixtures.writeCsv(tmp.resolve("b"), TRAIN_X, TRAIN_Y,
        TEST_X, TEST_Y)));
    Files.createDirectories(tmp.resolve("c/train/0"));
    assertEquals(DataFormat.PNG_FOLDER, DataFormat.detect(tmp.resolve("c")));
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    FileFormatException none = assertThrows(FileFormatException.class, () -> DataFormat.detect(empty));
    assertTrue(none.getMessage().startsWith(empty + ": holds no dataset: looked for IDX files"), none.getMessage());
    assertTrue(none.getMessage().contains("train-images-idx3-ubyte"), none.getMessage());
    Files.createDirectories(tmp.resolve("b/train"));
    FileFormatException both = assertThrows(FileFormatException.class, () -> DataFormat.detect(tmp.resolve("b")));
    assertEquals(tmp.resolve("b") + ": holds data in several formats (csv, png-folder); choose one with --format "
        + "or UserData.reader().format(...)", both.getMessage());
    assertThrows(java.nio.file.NoSuchFileException.class, () -> DataFormat.detect(tmp.resolve("nowhere")));
    assertEquals(DataFormat.PNG_FOLDER, DataFormat.parse("PNG-folder"));
    assertEquals("unknown data format 'png'; expected idx, csv or png-folder",
        assertThrows(IllegalArgumentException.class, () -> DataFormat.parse("png")).getMessage());
  }

  @Test
  void transposeTurnsEmnistImagesUprightAndTwiceIsTheIdentity() throws IOException {
    // a 2 x 3 image stored transposed, as EMNIST stores its images
    IdxArray x = IdxArray.ofUnsignedBytes(new byte[] {1, 2, 3, 4, 5, 6}, 1, 2, 3);
    LabeledImages split = new LabeledImages(x, new int[] {0}, 1);
    LabeledImages t = split.transposeImages();
    assertArrayEquals(new int[] {1, 3, 2}, t.shape());
    assertArrayEquals(new byte[] {1, 4, 2, 5, 3, 6}, t.images().toByteArray());
    assertEquals(x, t.transposeImages().images());
    Path dir = OwnDataFixtures.writeIdx(tmp, TRAIN_X, TRAIN_Y, TEST_X, TEST_Y);
    MnistDataset upright = UserData.reader().transpose(true).build().read(dir);
    MnistDataset plain = UserData.load(dir);
    assertEquals(plain.train().transposeImages().images(), upright.train().images());
    assertEquals(plain.test().transposeImages().images(), upright.test().images());
    assertEquals("folder " + dir + " (idx), transposed", upright.source());
  }

  @Test
  void classNamesCanBeGivenAndMustCoverEveryLabel() throws IOException {
    Path dir = OwnDataFixtures.writeIdx(tmp, TRAIN_X, TRAIN_Y, TEST_X, TEST_Y);
    List<String> letters = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k");
    MnistDataset d = UserData.reader().classNames(letters).build().read(dir);
    assertEquals(letters, d.classNames());
    assertEquals(11, d.train().numClasses());
    assertEquals(11, d.test().toCategorical().cols());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> UserData.reader().classNames(List.of("a", "b")).build().read(dir));
    assertEquals("label at index 2 is 2; expected 0..1", e.getMessage());
  }

  @Test
  void aSplitWithoutLabelsCanBePredictedButNotScored() {
    LabeledImages u = LabeledImages.unlabeled(IdxFixtures.images(3, 4, 4), 10);
    assertFalse(u.hasLabels());
    assertEquals("LabeledImages[3 x 4 x 4, 10 classes, no labels]", u.toString());
    assertEquals(3, u.toScaledMatrix().rows());
    assertFalse(u.head(2).hasLabels());
    assertFalse(u.transposeImages().hasLabels());
    IllegalStateException e = assertThrows(IllegalStateException.class, u::labels);
    assertEquals("these 3 images have no labels (read from a file without a label column, such as Kaggle's "
        + "test.csv); they can be predicted but not scored or trained on", e.getMessage());
    assertThrows(IllegalStateException.class, () -> u.label(0));
    assertThrows(IllegalStateException.class, u::toCategorical);
    assertThrows(IllegalStateException.class, u::labelCounts);
  }
}
