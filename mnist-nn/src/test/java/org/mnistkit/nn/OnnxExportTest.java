package org.mnistkit.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistkit.core.testing.TestAssertions.assertThrowsWithMessage;
import static org.mnistkit.nn.NetworkFileTest.assertClose;
import static org.mnistkit.nn.layers.Activation.RELU;
import static org.mnistkit.nn.layers.Activation.SOFTMAX;
import static org.mnistkit.nn.layers.Layers.conv2d;
import static org.mnistkit.nn.layers.Layers.dense;
import static org.mnistkit.nn.layers.Layers.dropout;
import static org.mnistkit.nn.layers.Layers.flatten;
import static org.mnistkit.nn.layers.Layers.maxPooling2d;

import ai.onnxruntime.OrtException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.nn.layers.Activation;
import org.mnistkit.nn.layers.Padding;

/**
 * Exports tiny networks with random weights and biases and runs them in ONNX Runtime: its outputs
 * agree with {@link Sequential#predict} to 1e-5 for every layer kind and activation.
 */
class OnnxExportTest {

  @TempDir
  Path dir;

  /** Sets every weight and bias to a value drawn from U(-1, 1). */
  static Sequential randomized(Sequential m, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] w = new float[(int) m.countParams()];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) (2 * r.nextDouble() - 1);
    }
    m.setWeights(w);
    return m;
  }

  /** Rows of values in [0, 1], as scaled images. */
  static FloatMatrix rows(int n, int d, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] v = new float[n * d];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) r.nextDouble();
    }
    return FloatMatrix.wrap(n, d, v);
  }

  private FloatMatrix exported(Sequential m, FloatMatrix x, String output) throws IOException, OrtException {
    Path file = dir.resolve("model.onnx");
    m.exportOnnx(file);
    return OnnxRuntime.run(file, x, output);
  }

  @ParameterizedTest
  @EnumSource(Activation.class)
  void denseWithEachHiddenActivation(Activation activation) throws Exception {
    Sequential m = randomized(Sequential.of(dense(7, activation).inputShape(6), dropout(0.3), dense(4, SOFTMAX))
        .compile(Optimizer.rmsprop(), Loss.CATEGORICAL_CROSSENTROPY), 1);
    FloatMatrix x = rows(13, 6, 2);
    assertClose(m.predict(x), exported(m, x, "probabilities"), 1e-5);
  }

  @ParameterizedTest
  @EnumSource(value = Activation.class, names = {"SOFTMAX"}, mode = EnumSource.Mode.EXCLUDE)
  void denseOutputWithEachOtherActivationIsNamedOutput(Activation activation) throws Exception {
    Sequential m = randomized(Sequential.of(dense(5, RELU).inputShape(3), dense(2, activation).useBias(false))
        .compile(Optimizer.sgd(), Loss.MEAN_SQUARED_ERROR), 3);
    FloatMatrix x = rows(9, 3, 4);
    assertClose(m.predict(x), exported(m, x, "output"), 1e-5);
  }

  @Test
  void convnetWithPaddingStridesPoolingAndChannels() throws Exception {
    // 9 x 7 x 2 images (channels-last rows of 126): "same" with strides 2 pads unevenly, a valid
    // pooling drops the odd row, a "same" pooling pads it, and the flatten order must match.
    Sequential m = randomized(Sequential.of(
        conv2d(3, 3, RELU).inputShape(9, 7, 2).padding(Padding.SAME).strides(2, 1),
        maxPooling2d(2).padding(Padding.SAME),
        conv2d(4, 2, 3, Activation.TANH).useBias(false),
        dropout(0.5),
        maxPooling2d(1, 2),
        flatten(),
        dense(5, SOFTMAX)).compile(Optimizer.adam(), Loss.CATEGORICAL_CROSSENTROPY), 5);
    FloatMatrix x = rows(11, 126, 6);
    assertClose(m.predict(x), exported(m, x, "probabilities"), 1e-5);
  }

  @Test
  void oneChannelConvnetAsTheCliBuildsIt() throws Exception {
    Sequential m = randomized(Sequential.of(conv2d(4, 3, RELU).inputShape(10, 10, 1), maxPooling2d(2),
        conv2d(6, 3, RELU), maxPooling2d(2, 2).strides(1, 1), flatten(), dropout(0.5), dense(3, SOFTMAX))
        .compile(Optimizer.adam(), Loss.CATEGORICAL_CROSSENTROPY), 7);
    FloatMatrix x = rows(8, 100, 8);
    assertClose(m.predict(x), exported(m, x, "probabilities"), 1e-5);
  }

  @Test
  void imageInputWithoutConvolutionIsFlatRows() throws Exception {
    Sequential m = randomized(Sequential.of(flatten().inputShape(3, 2, 2), dense(4, SOFTMAX))
        .compile(Optimizer.sgd(), Loss.CATEGORICAL_CROSSENTROPY), 9);
    FloatMatrix x = rows(5, 12, 10);
    assertClose(m.predict(x), exported(m, x, "probabilities"), 1e-5);
  }

  @Test
  void exportReplacesTheFileAndIsOpset13() throws Exception {
    Sequential m = randomized(Sequential.of(dense(3, SOFTMAX).inputShape(2))
        .compile(Optimizer.sgd(), Loss.CATEGORICAL_CROSSENTROPY), 11);
    Path file = dir.resolve("sub/model.onnx");
    m.exportOnnx(file);
    m.exportOnnx(file);
    ai.onnx.proto.OnnxMl.ModelProto proto = ai.onnx.proto.OnnxMl.ModelProto.parseFrom(Files.readAllBytes(file));
    assertEquals(13, proto.getOpsetImport(0).getVersion());
    assertEquals("input", proto.getGraph().getInput(0).getName());
    assertEquals("probabilities", proto.getGraph().getOutput(0).getName());
    java.util.Map<String, String> metadata = new java.util.HashMap<>();
    proto.getMetadataPropsList().forEach(e -> metadata.put(e.getKey(), e.getValue()));
    assertEquals(m.provenance().toProperties(), new java.util.TreeMap<>(metadata),
        "the model's provenance travels in the ONNX metadata");
    try (var files = Files.list(file.getParent())) {
      assertEquals(1, files.count(), "a temporary file was left behind");
    }
  }

  @Test
  void uncompiledOrSoftmaxConvolutionIsRefused() {
    Sequential m = Sequential.of(dense(3, SOFTMAX).inputShape(2));
    assertThrowsWithMessage(IllegalStateException.class, () -> m.exportOnnx(dir.resolve("x.onnx")),
        "exportOnnx called before compile");
    Sequential c = Sequential.of(conv2d(2, 2, SOFTMAX).inputShape(3, 3, 1), flatten(), dense(2, SOFTMAX))
        .compile(Optimizer.sgd(), Loss.CATEGORICAL_CROSSENTROPY);
    assertThrowsWithMessage(IllegalArgumentException.class, () -> c.exportOnnx(dir.resolve("c.onnx")),
        "conv2d: softmax on an image tensor is not exported");
    assertTrue(!Files.exists(dir.resolve("c.onnx")));
  }
}
