package org.mnistkit.forest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistkit.core.concurrent.Workers;
import org.mnistkit.core.io.FileFormatException;
import org.mnistkit.core.io.ModelFormat;
import org.mnistkit.core.io.ModelWriter;
import org.mnistkit.core.model.Models;

class ForestFileTest {

  @TempDir
  Path dir;

  static RandomForestModel model(boolean importance) {
    Fixtures.Data d = Fixtures.clusters(120, 5, 31);
    return RandomForest.builder().trees(7).seed(8).importance(importance).threads(2).build()
        .fit(d.x(), d.y(), new int[] {0, 1, 2, 5});
  }

  static void assertSameForest(RandomForestModel a, RandomForestModel b) {
    assertEquals(a.settings(), b.settings());
    assertEquals(a.seed(), b.seed());
    assertEquals(a.mtry(), b.mtry());
    assertEquals(a.sampleSize(), b.sampleSize());
    assertEquals(a.numRows(), b.numRows());
    assertEquals(a.numFeatures(), b.numFeatures());
    assertEquals(a.numTrees(), b.numTrees());
    assertArrayEquals(a.classes(), b.classes());
    for (int t = 0; t < a.numTrees(); t++) {
      assertArrayEquals(a.tree(t).nodes(), b.tree(t).nodes());
      assertArrayEquals(a.tree(t).counts(), b.tree(t).counts());
      assertArrayEquals(a.inBagCounts(t), b.inBagCounts(t));
    }
    assertEquals(a.importance(), b.importance());
    assertEquals(a.oobError(), b.oobError());
    assertEquals(a.oobVotes(), b.oobVotes());
    assertEquals(a.provenance(), b.provenance());
    assertEquals(a.toString(), b.toString());
  }

  @Test
  void saveThenLoadGivesTheSameForestAndProvenance() throws IOException {
    for (boolean importance : new boolean[] {false, true}) {
      RandomForestModel a = model(importance);
      Path file = dir.resolve("forest-" + importance + ".mkrf");
      a.save(file);
      RandomForestModel b = RandomForestModel.load(file);
      assertSameForest(a, b);
      assertEquals(a.oobConfusionMatrix(), b.oobConfusionMatrix());
      Fixtures.Data test = Fixtures.clusters(30, 5, 32);
      assertEquals(a.predictProba(test.x()), b.predictProba(test.x(), 1));
      assertArrayEquals(a.predict(test.x()), b.predictClasses(test.x(), 3));
      assertArrayEquals(a.votes(test.x()), b.votes(test.x(), 2));
      assertEquals("7", b.provenance().settings().get("trees"));
      assertEquals(Boolean.toString(importance), b.provenance().settings().get("importance"));
      assertEquals(8, b.provenance().seed());
      assertArrayEquals(new int[] {120, 5}, b.provenance().dataShape());
      assertTrue(b.provenance().fitSeconds().isPresent());
      assertTrue(b.toString().contains(b.provenance().toString()), b.toString());
      RandomForestModel viaModels = assertInstanceOf(RandomForestModel.class, Models.load(file));
      assertSameForest(a, viaModels);
    }
  }

  @Test
  void threadsAreNotModelState() throws IOException {
    RandomForestModel a = model(false);
    assertEquals(Workers.defaultThreads(), a.settings().threads());
    assertTrue(a.provenance().settings().keySet().stream().noneMatch(k -> k.contains("thread")));
    Path file = dir.resolve("f.mkrf");
    a.save(file);
    assertEquals(Workers.defaultThreads(), RandomForestModel.load(file).settings().threads());
  }

  @Test
  void aSaveThatFailsHalfWayLeavesTheOldFileIntact() throws IOException {
    Path file = dir.resolve("forest.mkrf");
    RandomForestModel old = model(false);
    byte[] before = saved(old, file);
    RandomForestModel bigger = model(true);
    IOException e = assertThrows(IOException.class, () -> ModelWriter.write(file,
        ForestFile.FORMAT, bigger.provenance(), out -> {
          ForestFile.writeBlocks(bigger, out);
          throw new IOException("disk full");
        }));
    assertEquals("disk full", e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(file));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file left");
    }
    assertSameForest(old, RandomForestModel.load(file));

    Path folder = Files.createDirectories(dir.resolve("a-folder.mkrf"));
    Files.writeString(folder.resolve("inside.txt"), "kept");
    assertThrows(IOException.class, () -> old.save(folder));
    assertEquals("kept", Files.readString(folder.resolve("inside.txt")));
  }

  private FileFormatException assertBadFile(byte[] bytes, String... parts) throws IOException {
    Path file = dir.resolve("bad.mkrf");
    Files.write(file, bytes);
    FileFormatException e = assertThrows(FileFormatException.class,
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
        "is not a mnistkit model file (magic hell), not a random forest (MKRF) file");
    assertBadFile(new byte[5], "5 bytes is too short");
    byte[] good = saved(model(true), dir.resolve("good.mkrf"));
    assertBadFile(Arrays.copyOf(good, good.length - 100),
        "checksum mismatch", "the file is truncated or corrupted");
    byte[] flipped = good.clone();
    flipped[good.length / 2] ^= 4;
    assertBadFile(flipped, "checksum mismatch");
    byte[] future = good.clone();
    ByteBuffer.wrap(future).putInt(4, 99);
    assertBadFile(future, "unsupported random forest file version 99 (this build reads 1..2)");
  }

  @Test
  void filesOfOtherKindsNameBothKinds() throws IOException {
    Path network = dir.resolve("model.mknn");
    ModelWriter.write(network, new ModelFormat("MKNN", "network", 2), model(false).provenance(),
        out -> out.block("layers", o -> o.writeInt(0)));
    FileFormatException e = assertThrows(FileFormatException.class,
        () -> RandomForestModel.load(network));
    assertEquals(network + ": holds a mnistkit network (MKNN), not a random forest (MKRF) file",
        e.getMessage());
    // A PCA saved by the previous release: magic "MKPC", version 1, then its fields and a CRC.
    byte[] pca = withCrc(ByteBuffer.allocate(24).putInt(0x4D4B5043).putInt(1).putInt(3)
        .putInt(8).putInt(2).array());
    assertBadFile(pca, "holds a mnistkit PCA (MKPC) saved in format version 1, not a random "
        + "forest (MKRF) file");
  }

  @Test
  void bodiesWithAValidChecksumAreStillChecked() throws IOException {
    RandomForestModel m = model(false);
    byte[] good = saved(m, dir.resolve("good.mkrf"));

    int training = content(good, "training");
    byte[] oneRow = good.clone();
    ByteBuffer.wrap(oneRow).putInt(training, 1);
    assertBadFile(withCrc(oneRow), "n (rows) must be >= 2, got 1");

    byte[] manyRows = good.clone();
    ByteBuffer.wrap(manyRows).putInt(training, 1 << 30);
    assertBadFile(withCrc(manyRows), "truncated: training class need 4294967296 bytes");

    int classes = content(good, "classes");
    byte[] hugeK = good.clone();
    ByteBuffer.wrap(hugeK).putInt(classes, Integer.MAX_VALUE);
    assertBadFile(withCrc(hugeK), "truncated: class labels need");

    byte[] repeated = good.clone();
    ByteBuffer.wrap(repeated).putInt(classes + 8, 0); // labels 0, 1, 2, 5 -> 0, 0, 2, 5
    assertBadFile(withCrc(repeated), "classes must be distinct, got [0, 0, 2, 5]");

    int settings = content(good, "settings");
    byte[] noTrees = good.clone();
    ByteBuffer.wrap(noTrees).putInt(settings, 0);
    assertBadFile(withCrc(noTrees), "invalid settings: trees must be >= 1, got 0");

    int trees = content(good, "trees");
    byte[] moreTrees = good.clone();
    ByteBuffer.wrap(moreTrees).putInt(trees, 8);
    assertBadFile(withCrc(moreTrees), "number of trees (as the settings say) must be in 7..7, got 8");

    int firstTree = trees + 4 + 8 * m.numTrees();
    assertEquals(m.numNodes(0), ByteBuffer.wrap(good).getInt(firstTree));
    byte[] loop = good.clone();
    ByteBuffer.wrap(loop).putInt(firstTree + 4 + 8, 0); // root's left child = root
    assertBadFile(withCrc(loop), "tree 0, node 0 is invalid (feature");

    byte[] badVote = good.clone();
    ByteBuffer.wrap(badVote).putInt(training + 8 + 4 * m.numRows(), 99);
    assertBadFile(withCrc(badVote), "OOB vote[0] is 99, expected 0..7");
  }

  private static byte[] saved(RandomForestModel m, Path file) throws IOException {
    m.save(file);
    return Files.readAllBytes(file);
  }

  /** @return where the content of the block with this tag starts (after its tag and length) */
  static int content(byte[] file, String tag) {
    byte[] name = tag.getBytes(StandardCharsets.US_ASCII);
    byte[] pattern = ByteBuffer.allocate(2 + name.length).putShort((short) name.length).put(name)
        .array();
    for (int i = 0; i + pattern.length <= file.length; i++) {
      if (Arrays.equals(file, i, i + pattern.length, pattern, 0, pattern.length)) {
        return i + pattern.length + Long.BYTES;
      }
    }
    throw new AssertionError("no block " + tag);
  }

  static byte[] withCrc(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 4);
    ByteBuffer.wrap(bytes).putInt(bytes.length - 4, (int) crc.getValue());
    return bytes;
  }
}
