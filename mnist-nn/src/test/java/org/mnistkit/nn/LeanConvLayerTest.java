package org.mnistkit.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistkit.nn.layers.Activation.RELU;
import static org.mnistkit.nn.layers.Activation.SOFTMAX;
import static org.mnistkit.nn.layers.Layers.conv2d;
import static org.mnistkit.nn.layers.Layers.dense;
import static org.mnistkit.nn.layers.Layers.flatten;
import static org.mnistkit.nn.layers.Layers.maxPooling2d;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.mnistkit.nn.layers.Padding;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** LeanConvLayer's inference pass (libnd4j's conv2d) against Deeplearning4j's training-mode pass. */
class LeanConvLayerTest {

  @Test
  void inferenceMatchesDeeplearning4jsPath() {
    // 9x9x2 images: same-padded stride-2 conv with bias (5x5x4), valid conv without bias (3x3x3),
    // pool (1x1x3), softmax over 3 classes; no dropout, so training mode differs only in the path.
    Sequential m = Sequential.of(conv2d(4, 3, RELU).padding(Padding.SAME).strides(2, 2).inputShape(9, 9, 2),
            conv2d(3, 3, RELU).useBias(false), maxPooling2d(2), flatten(), dense(3, SOFTMAX))
        .compile(Optimizer.rmsprop(0.05), Loss.CATEGORICAL_CROSSENTROPY);
    TinyData d = TinyData.of(20, 162, 3, 5);
    m.fit(d.x, d.y, f -> f.epochs(2).batchSize(8).seed(1).verbose(0));
    MultiLayerNetwork net = m.network();
    assertInstanceOf(LeanConvLayer.class, net.getLayer(0));
    assertInstanceOf(LeanConvLayer.class, net.getLayer(1));
    assertTrue(net.getLayer(0).getParam("b").sumNumber().doubleValue() != 0, "trained, non-zero bias");
    INDArray x = Nd4j.createFromArray(d.x.data()).reshape(20, 162);
    List<INDArray> lean = net.feedForward(x, false);
    List<INDArray> dl4j = net.feedForward(x, true);
    assertEquals(lean.size(), dl4j.size());
    for (int i = 1; i < lean.size(); i++) {
      assertArrayEquals(dl4j.get(i).shape(), lean.get(i).shape(), "layer " + i);
      float[] a = flat(lean.get(i));
      float[] b = flat(dl4j.get(i));
      double max = 0;
      for (int k = 0; k < a.length; k++) {
        max = Math.max(max, Math.abs(a[k] - b[k]));
      }
      assertTrue(max < 1e-5, "layer " + i + " max difference " + max);
    }
    assertTrue(lean.get(1).sumNumber().doubleValue() > 0, "some activations are non-zero");
  }

  /** @return the values in C order */
  private static float[] flat(INDArray a) {
    return Nd4j.toFlattened('c', a).toFloatVector();
  }
}
