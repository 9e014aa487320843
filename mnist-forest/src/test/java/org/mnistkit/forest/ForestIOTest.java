package org.mnistkit.forest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForestIOTest {

  @TempDir
  Path dir;

  private static RandomForestModel model(boolean importance) {
    Fixtures.Data d = Fixtures.clusters(120, 5, 31);
    return RandomForest.builder().trees(7).seed(8).importance(importance).threads(2).build()
        .fit(d.x(), d.y(), new int[] {0, 1, 2, 5});
  }

  @Test
  void saveThenLoadGivesTheSameForest() throws IOException {
    for (boolean importance : new boolean[] {false, true}) {
      RandomForestModel a = model(importance);
      Path file = dir.resolve("forest-" + importance + ".mkrf");
      a.save(file);
      RandomForestModel b = RandomForestModel.load(file);
      assertEquals(a.settings(), b.settings());
      assertEquals(a.mtry(), b.mtry());
      assertEquals(a.sampleSize(), b.sampleSize());
      assertArrayEquals(a.classes(), b.classes());
      for (int t = 0; t < a.numTrees(); t++) {
        assertArrayEquals(a.tree(t).nodes(), b.tree(t).nodes());
        assertArrayEquals(a.tree(t).counts(), b.tree(t).counts());
        assertArrayEquals(a.inBagCounts(t), b.inBagCounts(t));
      }
      assertEquals(a.importance(), b.importance());
      assertEquals(a.oobError(), b.oobError());
      assertEquals(a.oobConfusionMatrix(), b.oobConfusionMatrix());
      assertEquals(a.oobVotes(), b.oobVotes());
      Fixtures.Data test = Fixtures.clusters(30, 5, 32);
      assertEquals(a.predictProba(test.x()), b.predictProba(test.x()));
      assertEquals(a.toString(), b.toString());
    }
  }

  private ForestFormatException assertBadFile(byte[] bytes, String... parts) throws IOException {
    Path file = dir.resolve("bad.mkrf");
    Files.write(file, bytes);
    ForestFormatException e = assertThrows(ForestFormatException.class,
        () -> RandomForestModel.load(file));
    assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), e.getMessage());
    }
    assertEquals(file, e.file());
    return e;
  }

  @Test
  void foreignShortTruncatedAndFutureFilesAreRejected() throws IOException {
    assertBadFile("hello world, not a forest".getBytes(StandardCharsets.US_ASCII),
        "not a mnistkit forest file (magic number 0x68656C6C, expected 0x4D4B5246)");
    assertBadFile(new byte[5], "not a mnistkit forest file: 5 bytes is too short for the header");
    Path file = dir.resolve("good.mkrf");
    model(true).save(file);
    byte[] good = Files.readAllBytes(file);
    assertBadFile(Arrays.copyOf(good, good.length - 100),
        "checksum mismatch", "the file is truncated or corrupted");
    byte[] future = good.clone();
    ByteBuffer.wrap(future).putInt(4, 99);
    assertBadFile(future,
        "forest file format version 99 is not supported (this mnistkit reads version 1)");
  }

  @Test
  void bodiesWithAValidChecksumAreStillChecked() throws IOException {
    Path file = dir.resolve("good.mkrf");
    RandomForestModel m = model(false);
    m.save(file);
    byte[] good = Files.readAllBytes(file);

    byte[] oneRow = good.clone();
    ByteBuffer.wrap(oneRow).putInt(8, 1);
    assertBadFile(withCrc(oneRow), "n (rows) is 1, expected >= 2");

    byte[] manyRows = good.clone();
    ByteBuffer.wrap(manyRows).putInt(8, 1 << 30);
    assertBadFile(withCrc(manyRows), "truncated");

    // The first tree starts after the header, settings, seeds, labels, votes and importance.
    int n = m.numRows();
    int k = m.numClasses();
    int p = m.numFeatures();
    int firstTree = 24 + 4 * k + 38 + 8 + 8 * m.numTrees() + 4 * n + 4 * n * k + 8 * p + 1;
    assertEquals(m.numNodes(0), ByteBuffer.wrap(good).getInt(firstTree));
    byte[] loop = good.clone();
    ByteBuffer.wrap(loop).putInt(firstTree + 4 + 8, 0); // root's left child = root
    assertBadFile(withCrc(loop), "tree 0, node 0 is invalid (feature");
  }

  private static byte[] withCrc(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 4);
    ByteBuffer.wrap(bytes).putInt(bytes.length - 4, (int) crc.getValue());
    return bytes;
  }
}
