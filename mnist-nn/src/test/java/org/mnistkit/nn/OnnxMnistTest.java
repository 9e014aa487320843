package org.mnistkit.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistkit.nn.NetworkFileTest.assertClose;
import static org.mnistkit.nn.layers.Activation.RELU;
import static org.mnistkit.nn.layers.Activation.SOFTMAX;
import static org.mnistkit.nn.layers.Layers.conv2d;
import static org.mnistkit.nn.layers.Layers.dense;
import static org.mnistkit.nn.layers.Layers.dropout;
import static org.mnistkit.nn.layers.Layers.flatten;
import static org.mnistkit.nn.layers.Layers.maxPooling2d;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistkit.core.data.LabeledImages;
import org.mnistkit.core.data.MnistDataset;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.core.testing.RealData;

/**
 * The walkthrough's dense network and the CLI's convnet, exported and run in ONNX Runtime on the
 * first 1000 MNIST test images: probabilities agree with {@link Sequential#predictProba} to 1e-5.
 */
@Tag("mnist")
class OnnxMnistTest {

  @TempDir
  Path dir;

  @Test
  void walkthroughDenseNetworkAfterOneEpoch() throws Exception {
    MnistDataset mnist = RealData.mnist();
    LabeledImages train = mnist.train().head(3000);
    FloatMatrix test = mnist.test().head(1000).toScaledMatrix();
    Sequential model = Sequential.of(dense(512, RELU).inputShape(784), dense(10, SOFTMAX))
        .compile(Optimizer.rmsprop(), Loss.CATEGORICAL_CROSSENTROPY, Metric.ACCURACY);
    model.fit(train.toScaledMatrix(), train.toCategorical(), f -> f.epochs(1).batchSize(128).verbose(0));
    Path file = dir.resolve("mlp.onnx");
    model.exportOnnx(file);
    FloatMatrix ours = model.predictProba(test);
    FloatMatrix onnx = OnnxRuntime.run(file, test, "probabilities");
    assertClose(ours, onnx, 1e-5);
    assertArrayEquals(ours.argmaxRows(), onnx.argmaxRows());
    double accuracy = model.classificationReport(test, mnist.test().head(1000).labels()).accuracy();
    assertTrue(accuracy > 0.8, "a trained network, not a constant one: accuracy " + accuracy);
  }

  @Test
  void cliConvnetAfterAFewSteps() throws Exception {
    MnistDataset mnist = RealData.mnist();
    LabeledImages train = mnist.train().head(256);
    FloatMatrix test = mnist.test().head(1000).toScaledMatrix();
    Sequential model = Sequential.of(conv2d(32, 3, RELU).inputShape(28, 28, 1), maxPooling2d(2),
        conv2d(64, 3, RELU), maxPooling2d(2), flatten(), dropout(0.5), dense(10, SOFTMAX)).seed(42)
        .compile(Optimizer.adam(), Loss.CATEGORICAL_CROSSENTROPY, Metric.ACCURACY);
    model.fit(train.toScaledMatrix(), train.toCategorical(), f -> f.epochs(1).batchSize(128).verbose(0));
    Path file = dir.resolve("convnet.onnx");
    model.exportOnnx(file);
    assertClose(model.predictProba(test), OnnxRuntime.run(file, test, "probabilities"), 1e-5);
  }
}
