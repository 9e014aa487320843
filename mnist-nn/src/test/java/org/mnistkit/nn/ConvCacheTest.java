package org.mnistkit.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.mnistkit.nn.layers.Activation.RELU;
import static org.mnistkit.nn.layers.Activation.SOFTMAX;
import static org.mnistkit.nn.layers.Layers.conv2d;
import static org.mnistkit.nn.layers.Layers.dense;
import static org.mnistkit.nn.layers.Layers.dropout;
import static org.mnistkit.nn.layers.Layers.flatten;
import static org.mnistkit.nn.layers.Layers.maxPooling2d;

import java.util.Arrays;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The convnet's training path with Deeplearning4j's layer cache (see NetworkFactory). Since
 * LeanConvLayer trains with its own pass, the cache serves only its fallbacks: these tests check
 * that convnets get it and that training is the same, bit for bit, with and without it.
 */
class ConvCacheTest {

  /** 8x8x1 images: conv 4 3x3 (6x6x4), pool (3x3x4), conv 6 2x2 (2x2x6), pool (1x1x6), 3 classes. */
  private static Sequential model() {
    return Sequential.of(conv2d(4, 3, RELU).inputShape(8, 8, 1), maxPooling2d(2), conv2d(6, 2, RELU),
            maxPooling2d(2), flatten(), dropout(0.5), dense(3, SOFTMAX))
        .compile(Optimizer.rmsprop(0.01), Loss.CATEGORICAL_CROSSENTROPY, Metric.ACCURACY);
  }

  @Test
  void convnetsUseTheCacheAndDenseNetworksDoNot() {
    assertEquals(CacheMode.DEVICE, model().network().getLayerWiseConfigurations().getCacheMode());
    Sequential mlp = Sequential.of(dense(4, RELU).inputShape(6), dense(3, SOFTMAX))
        .compile(Optimizer.rmsprop(0.01), Loss.CATEGORICAL_CROSSENTROPY);
    assertEquals(CacheMode.NONE, mlp.network().getLayerWiseConfigurations().getCacheMode());
  }

  @Test
  void sameSeedFitsGiveIdenticalWeights() {
    TinyData d = TinyData.of(40, 64, 3, 11);
    Sequential a = model();
    Sequential b = model();
    History ha = a.fit(d.x, d.y, f -> f.epochs(3).batchSize(16).seed(42).verbose(0));
    History hb = b.fit(d.x, d.y, f -> f.epochs(3).batchSize(16).seed(42).verbose(0));
    assertArrayEquals(a.getWeights(), b.getWeights());
    assertArrayEquals(ha.get("loss"), hb.get("loss"));
    assertFalse(Arrays.equals(model().getWeights(), a.getWeights()), "training moved the weights");
    Sequential c = model();
    c.fit(d.x, d.y, f -> f.epochs(3).batchSize(16).seed(43).verbose(0));
    assertFalse(Arrays.equals(a.getWeights(), c.getWeights()), "another shuffle and dropout seed");
  }

  @Test
  void cachedStepsEqualUncachedStepsExactly() {
    Nd4jRuntime.configure();
    MultiLayerNetwork cached = model().network();
    MultiLayerConfiguration conf =
        MultiLayerConfiguration.fromJson(cached.getLayerWiseConfigurations().toJson());
    conf.setCacheMode(CacheMode.NONE);
    for (int i = 0; i < conf.getConfs().size(); i++) {
      conf.getConf(i).setCacheMode(CacheMode.NONE);
    }
    MultiLayerNetwork plain = new MultiLayerNetwork(conf);
    plain.init(cached.params().dup(), true);
    assertEquals(CacheMode.NONE, plain.getLayerWiseConfigurations().getCacheMode());
    TinyData d = TinyData.of(16, 64, 3, 12);
    INDArray x = Nd4j.createFromArray(d.x.data()).reshape(16, 64);
    INDArray y = Nd4j.createFromArray(d.y.data()).reshape(16, 3);
    float[] before = cached.params().toFloatVector();
    for (int step = 0; step < 3; step++) {
      Nd4jRuntime.seed(7 + step);
      cached.fit(x, y);
      Nd4jRuntime.seed(7 + step);
      plain.fit(x, y);
      assertArrayEquals(plain.params().toFloatVector(), cached.params().toFloatVector(), "step " + step);
    }
    assertFalse(Arrays.equals(before, cached.params().toFloatVector()), "the steps moved the weights");
  }
}
