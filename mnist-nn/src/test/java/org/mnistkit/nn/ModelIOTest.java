package org.mnistkit.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistkit.core.testing.TestAssertions.assertThrowsWithMessage;
import static org.mnistkit.nn.Activation.RELU;
import static org.mnistkit.nn.Activation.SOFTMAX;
import static org.mnistkit.nn.Layers.conv2d;
import static org.mnistkit.nn.Layers.dense;
import static org.mnistkit.nn.Layers.dropout;
import static org.mnistkit.nn.Layers.flatten;
import static org.mnistkit.nn.Layers.maxPooling2d;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelIOTest {

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
  void roundTripPredictsIdenticallyAndResumesTraining() throws IOException {
    TinyData d = TinyData.of(20, 6, 3, 1);
    Sequential m = trained(d);
    Path file = dir.resolve("model.mnn");
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
    Path file = dir.resolve("conv.mnn");
    m.save(file);
    Sequential back = Sequential.load(file);
    assertEquals(m.layers(), back.layers());
    assertEquals(m.optimizer(), back.optimizer());
    assertEquals(m.predict(d.x), back.predict(d.x));
  }

  @Test
  void truncatedFileIsRejected() throws IOException {
    Path file = dir.resolve("model.mnn");
    trained(TinyData.of(10, 6, 3, 2)).save(file);
    byte[] all = Files.readAllBytes(file);
    Path cut = dir.resolve("cut.mnn");
    Files.write(cut, Arrays.copyOf(all, all.length / 2));
    assertThrowsWithMessage(ModelFormatException.class, () -> Sequential.load(cut), "cut.mnn", "truncated");
    Files.write(cut, Arrays.copyOf(all, all.length - 3));
    assertThrowsWithMessage(ModelFormatException.class, () -> Sequential.load(cut), "truncated");
    Files.write(cut, Arrays.copyOf(all, 14));
    assertThrowsWithMessage(ModelFormatException.class, () -> Sequential.load(cut), "truncated");
  }

  @Test
  void foreignFileIsRejected() throws IOException {
    Path text = dir.resolve("notes.txt");
    Files.writeString(text, "just some text, not a model\n");
    assertThrowsWithMessage(ModelFormatException.class, () -> Sequential.load(text), "notes.txt",
        ": not a mnist-nn model file");
    Path empty = dir.resolve("empty");
    Files.write(empty, new byte[0]);
    assertThrowsWithMessage(ModelFormatException.class, () -> Sequential.load(empty), "not a mnist-nn model");
  }

  @Test
  void corruptOrNewerFileIsRejected() throws IOException {
    Path file = dir.resolve("model.mnn");
    trained(TinyData.of(10, 6, 3, 3)).save(file);
    byte[] all = Files.readAllBytes(file);
    byte[] flipped = all.clone();
    flipped[all.length - 20] ^= 0x10;
    Path bad = dir.resolve("bad.mnn");
    Files.write(bad, flipped);
    assertThrowsWithMessage(ModelFormatException.class, () -> Sequential.load(bad), "corrupt", "CRC-32");
    byte[] newer = all.clone();
    ByteBuffer.wrap(newer).putInt(ModelIO.MAGIC.length, 2);
    Files.write(bad, newer);
    assertThrowsWithMessage(ModelFormatException.class, () -> Sequential.load(bad), "format version 2",
        "reads version 1");
  }

  @Test
  void headerIsReadableText() throws IOException {
    Path file = dir.resolve("model.mnn");
    trained(TinyData.of(10, 6, 3, 5)).save(file);
    String head = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    assertTrue(head.startsWith("MNISTKIT-NN\n"));
    assertTrue(head.contains("layer.0.type=dense\n"), head.substring(0, 400));
    assertTrue(head.contains("layer.1.rate=0.1\n"));
    assertTrue(head.contains("optimizer=rmsprop\n"));
    assertTrue(head.contains("loss=categorical_crossentropy\n"));
    assertTrue(head.contains("layer.0.input_shape=6\n"));
  }

  @Test
  void saveBeforeCompileIsAnError() {
    Sequential m = Sequential.of(dense(3, SOFTMAX).inputShape(2));
    assertThrowsWithMessage(IllegalStateException.class, () -> m.save(dir.resolve("x")), "save called before compile");
  }
}
