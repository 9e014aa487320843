package org.mnistkit.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistkit.core.testing.TestAssertions.assertThrowsWithMessage;
import static org.mnistkit.nn.layers.Activation.RELU;
import static org.mnistkit.nn.layers.Activation.SOFTMAX;
import static org.mnistkit.nn.layers.Layers.conv2d;
import static org.mnistkit.nn.layers.Layers.dense;
import static org.mnistkit.nn.layers.Layers.dropout;
import static org.mnistkit.nn.layers.Layers.flatten;
import static org.mnistkit.nn.layers.Layers.maxPooling2d;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistkit.core.io.FileFormatException;
import org.mnistkit.core.io.ModelFormat;
import org.mnistkit.core.io.ModelWriter;
import org.mnistkit.core.model.Models;
import org.mnistkit.core.model.Provenance;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.nn.layers.Initializer;
import org.mnistkit.nn.layers.Padding;

class NetworkFileTest {

  @TempDir
  Path dir;

  private static Sequential trained(TinyData d) {
    Sequential m = Sequential.of(dense(12, RELU).inputShape(6).kernelInitializer(Initializer.HE_UNIFORM),
        dropout(0.1), dense(3, SOFTMAX)).seed(9).compile(Optimizer.rmsprop(0.01), Loss.CATEGORICAL_CROSSENTROPY,
        Metric.ACCURACY);
    m.fit(d.x, d.y, f -> f.epochs(2).batchSize(5).verbose(0));
    return m;
  }

  @Test
  void roundTripPredictsIdenticallyKeepsProvenanceAndResumesTraining() throws IOException {
    TinyData d = TinyData.of(20, 6, 3, 1);
    Sequential m = trained(d);
    Path file = dir.resolve("model.mknn");
    m.save(file);
    Sequential back = Sequential.load(file);
    assertEquals(m.layers(), back.layers());
    assertEquals(m.optimizer(), back.optimizer());
    assertEquals(m.loss(), back.loss());
    assertEquals(m.metrics(), back.metrics());
    assertEquals(9, back.seed());
    assertArrayEquals(m.getWeights(), back.getWeights());
    assertEquals(m.predict(d.x), back.predict(d.x));
    assertEquals(m.summary(), back.summary());
    assertEquals(m.provenance(), back.provenance());
    assertEquals("2", back.provenance().settings().get("epochs"));
    assertEquals("rmsprop", back.provenance().settings().get("optimizer"));
    assertEquals("0.01", back.provenance().settings().get("learning_rate"));
    assertArrayEquals(new int[] {20, 6}, back.provenance().dataShape());
    assertTrue(back.toString().contains("settings: "), back.toString());
    // The optimizer state travels too: one more epoch gives the same weights on both.
    m.fit(d.x, d.y, f -> f.epochs(1).batchSize(5).seed(3).verbose(0));
    back.fit(d.x, d.y, f -> f.epochs(1).batchSize(5).seed(3).verbose(0));
    assertArrayEquals(m.getWeights(), back.getWeights());
  }

  @Test
  void convnetAndSgdRoundTrip() throws IOException {
    Sequential m = Sequential.of(conv2d(2, 3, RELU).inputShape(6, 6, 2).padding(Padding.SAME), maxPooling2d(2),
        flatten(), dense(3, SOFTMAX)).compile(new Optimizer.Sgd(0.05, 0.9, true), Loss.CATEGORICAL_CROSSENTROPY);
    TinyData d = TinyData.of(8, 72, 3, 4);
    m.fit(d.x, d.y, f -> f.epochs(1).verbose(0));
    Path file = dir.resolve("conv.mknn");
    m.save(file);
    Sequential back = Sequential.load(file);
    assertEquals(m.layers(), back.layers());
    assertEquals(m.optimizer(), back.optimizer());
    assertEquals(m.predict(d.x), back.predict(d.x));
  }

  @Test
  void modelsLoadFindsTheNetworkLoader() throws IOException {
    TinyData d = TinyData.of(10, 6, 3, 2);
    Sequential m = trained(d);
    Path file = dir.resolve("any.mknn");
    m.save(file);
    Sequential back = assertInstanceOf(Sequential.class, Models.load(file));
    assertEquals(m.predict(d.x), back.predictProba(d.x));
  }

  @Test
  void versionOneFileLoadsAndPredictsAsWhenSaved() throws IOException {
    Sequential v1 = Sequential.load(resource("network-v1.mknn"));
    FloatMatrix probe = rows(resource("probe.txt"));
    FloatMatrix expected = rows(resource("network-v1.proba.txt"));
    assertClose(expected, v1.predict(probe), 1e-6);
    assertClose(expected, v1.predictProba(probe, 2), 1e-6);
    Sequential anyKind = assertInstanceOf(Sequential.class, Models.load(resource("network-v1.mknn")));
    assertClose(expected, anyKind.predictProba(probe), 1e-6);
    Provenance p = v1.provenance();
    assertTrue(p.mnistkitVersion().contains("format version 1"), p.toString());
    assertEquals("rmsprop", p.settings().get("optimizer"));
    assertEquals(3, p.seed());
    assertArrayEquals(new int[] {0, 8}, p.dataShape());
    // Saved again, it is a version-2 file that predicts the same.
    Path again = dir.resolve("again.mknn");
    v1.save(again);
    assertEquals("MKNN", new String(Files.readAllBytes(again), 0, 4, StandardCharsets.US_ASCII));
    assertEquals(v1.predict(probe), Sequential.load(again).predict(probe));
  }

  @Test
  void saveThatFailsHalfWayLeavesTheOldFile() throws IOException {
    TinyData d = TinyData.of(10, 6, 3, 6);
    Sequential m = trained(d);
    Path file = dir.resolve("model.mknn");
    m.save(file);
    byte[] before = Files.readAllBytes(file);
    m.fit(d.x, d.y, f -> f.epochs(1).verbose(0));
    IOException e = assertThrows(IOException.class, () -> ModelWriter.write(file, NetworkFile.FORMAT,
        m.provenance(), out -> {
          NetworkFile.body(m).writeTo(out);
          throw new IOException("disk full after the optimizer state");
        }));
    assertTrue(e.getMessage().contains("disk full"), e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(file));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(1, files.count(), "a temporary file was left behind");
    }
  }

  @Test
  void truncatedOrCorruptedFileIsRejected() throws IOException {
    Path file = dir.resolve("model.mknn");
    trained(TinyData.of(10, 6, 3, 2)).save(file);
    byte[] all = Files.readAllBytes(file);
    Path cut = dir.resolve("cut.mknn");
    for (int length : new int[] {all.length / 2, all.length - 3, 14, 5}) {
      Files.write(cut, Arrays.copyOf(all, length));
      assertThrowsWithMessage(FileFormatException.class, () -> Sequential.load(cut), "cut.mknn");
    }
    Files.write(cut, Arrays.copyOf(all, all.length / 2));
    assertThrowsWithMessage(FileFormatException.class, () -> Sequential.load(cut), "truncated");
    byte[] flipped = all.clone();
    flipped[all.length - 20] ^= 0x10;
    Files.write(cut, flipped);
    assertThrowsWithMessage(FileFormatException.class, () -> Sequential.load(cut), "checksum mismatch");
    byte[] newer = all.clone();
    ByteBuffer.wrap(newer).putInt(4, 3);
    Files.write(cut, newer);
    assertThrowsWithMessage(FileFormatException.class, () -> Sequential.load(cut),
        "unsupported network file version 3");
  }

  @Test
  void corruptedVersionOneFileIsRejected() throws IOException {
    byte[] v1 = Files.readAllBytes(resource("network-v1.mknn"));
    Path bad = dir.resolve("bad-v1.mknn");
    byte[] flipped = v1.clone();
    flipped[v1.length - 30] ^= 0x01;
    Files.write(bad, flipped);
    assertThrowsWithMessage(FileFormatException.class, () -> Sequential.load(bad), "bad-v1.mknn",
        "checksum mismatch");
    Files.write(bad, Arrays.copyOf(v1, v1.length - 9));
    assertThrowsWithMessage(FileFormatException.class, () -> Sequential.load(bad), "truncated");
    Files.write(bad, Arrays.copyOf(v1, 14));
    assertThrowsWithMessage(FileFormatException.class, () -> Sequential.load(bad), "truncated");
  }

  @Test
  void fileOfAnotherKindIsNamed() throws IOException {
    Path forest = dir.resolve("forest.mkrf");
    ModelWriter.write(forest, new ModelFormat("MKRF", "random forest", 2),
        Provenance.version1(3, 4, Map.of("trees", 1), 7), out -> out.block("trees", o -> o.writeInt(0)));
    assertThrowsWithMessage(FileFormatException.class, () -> Sequential.load(forest), "forest.mkrf",
        "holds a mnistkit random forest (MKRF), not a network (MKNN) file");
    Path oldForest = dir.resolve("old.mkrf");
    Files.write(oldForest, versionOne(0x4D4B5246));
    assertThrowsWithMessage(FileFormatException.class, () -> Sequential.load(oldForest),
        "random forest (MKRF) saved in format version 1, not a network (MKNN) file");
    Path text = dir.resolve("notes.txt");
    Files.writeString(text, "just some text, not a model\n");
    assertThrowsWithMessage(FileFormatException.class, () -> Sequential.load(text), "notes.txt",
        "is not a mnistkit model file");
    Path empty = dir.resolve("empty");
    Files.write(empty, new byte[0]);
    assertThrowsWithMessage(FileFormatException.class, () -> Sequential.load(empty), "too short");
  }

  @Test
  void architectureIsReadableText() throws IOException {
    Path file = dir.resolve("model.mknn");
    trained(TinyData.of(10, 6, 3, 5)).save(file);
    String head = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    assertTrue(head.startsWith("MKNN"));
    assertTrue(head.contains("layer.0.type=dense\n"), head.substring(0, 400));
    assertTrue(head.contains("layer.1.rate=0.1\n"));
    assertTrue(head.contains("optimizer=rmsprop\n"));
    assertTrue(head.contains("loss=categorical_crossentropy\n"));
    assertTrue(head.contains("layer.0.input_shape=6\n"));
  }

  @Test
  void badArchitectureTextNamesTheKey() {
    String text = "layers=1\nlayer.0.type=dense\nlayer.0.input_shape=4\nseed=1\n";
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ArchitectureText.parse(text));
    assertTrue(e.getMessage().contains("'layer.0.units' is missing"), e.getMessage());
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> ArchitectureText.parse("layers=1\nlayer.0.type=lstm\n"));
    assertTrue(unknown.getMessage().contains("unknown layer type 'lstm'; expected one of dense, dropout"),
        unknown.getMessage());
  }

  @Test
  void saveBeforeCompileIsAnErrorAndACompiledModelSavesUnfitted() throws IOException {
    Sequential m = Sequential.of(dense(3, SOFTMAX).inputShape(2)).seed(9);
    assertThrowsWithMessage(IllegalStateException.class, () -> m.save(dir.resolve("x")), "save called before compile");
    m.compile(Optimizer.sgd(), Loss.CATEGORICAL_CROSSENTROPY);
    m.save(dir.resolve("x")); // as Keras saves a compiled, untrained model
    Sequential back = Sequential.load(dir.resolve("x"));
    assertArrayEquals(m.getWeights(), back.getWeights());
    Provenance p = back.provenance();
    assertArrayEquals(new int[] {0, 2}, p.dataShape());
    assertEquals(9, p.seed());
    assertTrue(p.fitSeconds().isEmpty());
    assertTrue(p.toString().contains("data: none (not fitted), 2 features"), p.toString());
  }

  /** A version-1 file of another kind: int magic, int version 1, a field, CRC-32 trailer. */
  private static byte[] versionOne(int magic) {
    ByteBuffer b = ByteBuffer.allocate(16);
    b.putInt(magic).putInt(1).putInt(42);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(b.array(), 0, 12);
    b.putInt((int) crc.getValue());
    return b.array();
  }

  static Path resource(String name) {
    try {
      return Path.of(NetworkFileTest.class.getResource("v1/" + name).toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** @return the rows of a text file, one row per line, values separated by spaces */
  static FloatMatrix rows(Path file) throws IOException {
    float[][] rows = Files.readAllLines(file).stream().filter(l -> !l.isBlank())
        .map(l -> {
          String[] parts = l.trim().split("\\s+");
          float[] r = new float[parts.length];
          for (int i = 0; i < r.length; i++) {
            r[i] = Float.parseFloat(parts[i]);
          }
          return r;
        }).toArray(float[][]::new);
    return FloatMatrix.of(rows);
  }

  static void assertClose(FloatMatrix expected, FloatMatrix actual, double tolerance) {
    assertEquals(expected.rows(), actual.rows());
    assertEquals(expected.cols(), actual.cols());
    for (int i = 0; i < expected.data().length; i++) {
      float e = expected.data()[i];
      float a = actual.data()[i];
      assertTrue(Math.abs(e - a) <= tolerance, String.format(java.util.Locale.ROOT,
          "value %d (row %d): expected %s, got %s", i, i / expected.cols(), e, a));
    }
  }
}
