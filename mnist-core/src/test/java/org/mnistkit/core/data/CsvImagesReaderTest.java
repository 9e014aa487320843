package org.mnistkit.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistkit.core.idx.IdxArray;
import org.mnistkit.core.io.FileFormatException;
import org.mnistkit.core.testing.IdxFixtures;
import org.mnistkit.core.testing.OwnDataFixtures;
import org.mnistkit.core.testing.OwnDataFixtures.Label;

class CsvImagesReaderTest {

  @TempDir Path dir;

  private static final IdxArray X = IdxFixtures.images(4, 28, 28);
  private static final IdxArray Y = IdxArray.ofUnsignedBytes(new byte[] {7, 0, 9, 3}, 4);

  /** A headerless file of 2 x 2 images: label first unless said otherwise. */
  private Path small(String text) throws IOException {
    return Files.writeString(dir.resolve("train.csv"), text);
  }

  private String error(Path file, CsvLabelColumn label) {
    return assertThrows(FileFormatException.class, () -> CsvImagesReader.readSplit(file, label)).getMessage();
  }

  @Test
  void kaggleLayoutWithAHeaderReadsLabelsAndRowMajorPixels() throws IOException {
    Path f = OwnDataFixtures.writeCsv(dir.resolve("train.csv"), X, Y, true, Label.FIRST);
    RawSplit s = CsvImagesReader.readSplit(f, CsvLabelColumn.AUTO);
    assertEquals(X, s.images());
    assertArrayEquals(new int[] {7, 0, 9, 3}, s.labels());
  }

  @Test
  void kaggleTestCsvWithoutALabelColumnGivesATestSplitWithoutLabels() throws IOException {
    OwnDataFixtures.writeCsv(dir.resolve("train.csv"), X, Y, true, Label.FIRST);
    OwnDataFixtures.writeCsv(dir.resolve("test.csv"), IdxFixtures.images(3, 28, 28), null, true, Label.NONE);
    MnistDataset d = UserData.load(dir);
    assertFalse(d.test().hasLabels());
    assertEquals(IdxFixtures.images(3, 28, 28), d.test().images());
    assertEquals(10, d.test().numClasses()); // from the training labels, 0..9
    assertArrayEquals(new int[] {3, 784}, d.test().toScaledMatrix().shape());
  }

  @Test
  void headerlessFilesHaveTheLabelFirstByCountOrLastWhenAskedOrNone() throws IOException {
    Path first = OwnDataFixtures.writeCsv(dir.resolve("a.csv"), X, Y, false, Label.FIRST);
    Path last = OwnDataFixtures.writeCsv(dir.resolve("b.csv"), X, Y, false, Label.LAST);
    Path none = OwnDataFixtures.writeCsv(dir.resolve("c.csv"), X, null, false, Label.NONE);
    assertArrayEquals(new int[] {7, 0, 9, 3}, CsvImagesReader.readSplit(first, CsvLabelColumn.AUTO).labels());
    RawSplit l = CsvImagesReader.readSplit(last, CsvLabelColumn.LAST);
    assertArrayEquals(new int[] {7, 0, 9, 3}, l.labels());
    assertEquals(X, l.images());
    RawSplit n = CsvImagesReader.readSplit(none, CsvLabelColumn.AUTO); // 784 columns: a square, no label
    assertNull(n.labels());
    assertEquals(X, n.images());
    // gzip is detected from the content
    Path gz = dir.resolve("d.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Files.readAllBytes(first));
    }
    assertEquals(X, CsvImagesReader.readSplit(gz, CsvLabelColumn.AUTO).images());
    assertEquals(CsvLabelColumn.LAST, CsvLabelColumn.parse(" Last "));
    assertEquals("unknown label column 'middle'; expected auto, first, last or none",
        assertThrows(IllegalArgumentException.class, () -> CsvLabelColumn.parse("middle")).getMessage());
  }

  @Test
  void aShortRowNamesItsLineAndTheExpectedCount() throws IOException {
    Path f = small("1,0,0,0,255\n2,0,0,0\n");
    assertEquals(f + ": line 2 has 4 values but line 1 has 5; every row needs a label and 4 pixels",
        error(f, CsvLabelColumn.AUTO));
  }

  @Test
  void aNonNumericPixelNamesLineAndColumnWithTheHeaderName() throws IOException {
    Path f = small("label,pixel0,pixel1,pixel2,pixel3\n1,0,0,0,255\n2,0,x7,0,1\n");
    assertEquals(f + ": line 3, column 3 (pixel1): 'x7' is not an integer; a pixel must be an integer in 0..255",
        error(f, CsvLabelColumn.AUTO));
    Path g = small("1,0,0,0,255\n2,0,0,0,0.5\n");
    assertEquals(g + ": line 2, column 5: '0.5' is not an integer; a pixel must be an integer in 0..255",
        error(g, CsvLabelColumn.AUTO));
  }

  @Test
  void outOfRangePixelsAndLabelsAreNamed() throws IOException {
    Path f = small("1,0,0,0,256\n");
    assertEquals(f + ": line 1, column 5: pixel 256 is outside 0..255", error(f, CsvLabelColumn.AUTO));
    Path g = small("label,a,b,c,d\n1,0,0,0,1\n-1,0,0,0,1\n");
    assertEquals(g + ": line 3, column 1 (label): label -1 is outside 0..255", error(g, CsvLabelColumn.AUTO));
    Path h = small("0,0,0,1,300\n");
    assertEquals(h + ": line 1, column 5 (label): label 300 is outside 0..255".replace(" (label)", ""),
        error(h, CsvLabelColumn.LAST));
  }

  @Test
  void badShapesAndEmptyFilesAreRefused() throws IOException {
    Path f = small("1,2,3\n");
    assertEquals(f + ": line 1 has 3 columns: neither 3 (no label) nor 2 (a label first) is a square number of "
        + "pixels; 28 x 28 images need 784 or 785 columns", error(f, CsvLabelColumn.AUTO));
    Path g = small("1,2,3,4\n");
    assertEquals(g + ": line 1 has 4 columns, so 3 pixels and a label, which is not a square image (28 x 28 "
        + "needs 784 pixels)", error(g, CsvLabelColumn.FIRST));
    assertEquals(small("") + ": is empty; expected rows of a label and pixel values 0..255",
        error(dir.resolve("train.csv"), CsvLabelColumn.AUTO));
    Path h = small("label,pixel0\n");
    assertEquals(h + ": has a header but no rows", error(h, CsvLabelColumn.AUTO));
    Path blank = small("1,0,0,0,1\n\n2,0,0,0,1\n");
    assertEquals(blank + ": line 2 has 1 values but line 1 has 5; every row needs a label and 4 pixels",
        error(blank, CsvLabelColumn.AUTO));
  }

  @Test
  void aHugeLineFailsBeforeItIsHeld() throws IOException {
    Path f = dir.resolve("train.csv");
    try (OutputStream out = Files.newOutputStream(f)) {
      out.write("1,0,0,0,1\n".getBytes(StandardCharsets.US_ASCII));
      byte[] zeros = "0,".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 10; i++) {
        out.write(zeros);
      }
    }
    assertEquals(f + ": line 2 is longer than 1048576 characters; a row holds one image of at most 500 x 500 pixels",
        error(f, CsvLabelColumn.AUTO));
  }

  @Test
  void aTrainingFileWithoutLabelsIsRefused() throws IOException {
    OwnDataFixtures.writeCsv(dir.resolve("train.csv"), X, null, true, Label.NONE);
    OwnDataFixtures.writeCsv(dir.resolve("test.csv"), X, null, true, Label.NONE);
    FileFormatException e = assertThrows(FileFormatException.class, () -> UserData.load(dir));
    assertEquals(dir.resolve("train.csv") + ": has no labels; the training split needs a label for every image",
        e.getMessage());
    Files.delete(dir.resolve("test.csv"));
    assertEquals(dir.resolve("test.csv") + ": missing (looked for test.csv and test.csv.gz)",
        assertThrows(java.nio.file.NoSuchFileException.class, () -> UserData.load(dir)).getMessage());
  }
}
