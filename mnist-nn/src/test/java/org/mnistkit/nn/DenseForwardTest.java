package org.mnistkit.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mnistkit.nn.layers.Activation.LINEAR;
import static org.mnistkit.nn.layers.Activation.RELU;
import static org.mnistkit.nn.layers.Activation.SIGMOID;
import static org.mnistkit.nn.layers.Activation.SOFTMAX;
import static org.mnistkit.nn.layers.Layers.dense;

import org.junit.jupiter.api.Test;
import org.mnistkit.core.tensor.FloatMatrix;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Predictions of all-dense networks without Deeplearning4j, against Deeplearning4j's forward pass. */
class DenseForwardTest {

  @Test
  void equalsDeeplearning4jsOutputsForSoftmaxAndLinearOutputs() {
    TinyData d = TinyData.of(600, 6, 3, 13); // 3 blocks of 256 rows, the last partial
    for (var last : new org.mnistkit.nn.layers.Activation[] {SOFTMAX, LINEAR}) {
      Sequential m = Sequential.of(dense(7, RELU).inputShape(6), dense(5, LINEAR), dense(3, last)).seed(2)
          .compile(Optimizer.rmsprop(), Loss.MEAN_SQUARED_ERROR);
      assertNotNull(DenseShape.of(m));
      FloatMatrix ours = m.predict(d.x);
      INDArray input = NdArrays.matrix(600, 6);
      NdArrays.putRange(input, d.x, 0, 600, null);
      float[] theirs = NdArrays.toFloats(m.network().output(input, false));
      assertEquals(theirs.length, ours.data().length);
      for (int i = 0; i < theirs.length; i++) {
        assertEquals(theirs[i], ours.data()[i], 1e-5, last + " output " + i);
      }
    }
  }

  @Test
  void givesTheSameOutputsForAnyThreadCountAndBatchSize() {
    TinyData d = TinyData.of(700, 6, 3, 14);
    Sequential m = Sequential.of(dense(9, RELU).inputShape(6), dense(3, SOFTMAX)).seed(3)
        .compile(Optimizer.rmsprop(), Loss.CATEGORICAL_CROSSENTROPY);
    float[] one = m.predictProba(d.x, 1).data();
    assertArrayEquals(one, m.predictProba(d.x, 2).data());
    assertArrayEquals(one, m.predictProba(d.x, 3).data());
    assertArrayEquals(one, m.predict(d.x, 1).data());
    assertArrayEquals(one, m.predict(d.x, 500).data());
  }

  @Test
  void leavesOtherNetworksToDeeplearning4j() {
    assertNull(DenseShape.of(Sequential.of(dense(4, SIGMOID).inputShape(6), dense(3, SOFTMAX))
        .compile(Optimizer.rmsprop(), Loss.CATEGORICAL_CROSSENTROPY)));
    assertNull(DenseShape.of(Sequential.of(dense(4, RELU).inputShape(6), dense(3, SIGMOID))
        .compile(Optimizer.rmsprop(), Loss.BINARY_CROSSENTROPY)));
  }
}
