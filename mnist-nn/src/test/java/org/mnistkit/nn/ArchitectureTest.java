package org.mnistkit.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistkit.core.testing.TestAssertions.assertThrowsWithMessage;
import static org.mnistkit.nn.layers.Activation.RELU;
import static org.mnistkit.nn.layers.Activation.SOFTMAX;
import static org.mnistkit.nn.layers.Layers.conv2d;
import static org.mnistkit.nn.layers.Layers.dense;
import static org.mnistkit.nn.layers.Layers.dropout;
import static org.mnistkit.nn.layers.Layers.flatten;
import static org.mnistkit.nn.layers.Layers.maxPooling2d;

import org.junit.jupiter.api.Test;
import org.mnistkit.nn.layers.Initializer;
import org.mnistkit.nn.layers.Padding;
import org.mnistkit.nn.layers.Conv2D;

class ArchitectureTest {

  @Test
  void walkthroughModelHas407050Parameters() {
    Sequential model = Sequential.of(dense(512, RELU).inputShape(784), dense(10, SOFTMAX));
    assertEquals(784 * 512 + 512, model.architecture().countParams(0));
    assertEquals(401_920, model.architecture().countParams(0));
    assertEquals(5_130, model.architecture().countParams(1));
    assertEquals(407_050, model.countParams());
    assertArrayEquals(new int[] {784}, model.inputShape());
    assertArrayEquals(new int[] {10}, model.outputShape());
  }

  @Test
  void summaryPrintsKerasTable() {
    String s = Sequential.of(dense(512, RELU).inputShape(784), dropout(0.2), dense(10, SOFTMAX)).summary();
    assertTrue(s.contains(" dense (Dense)                  (None, 512)            401920"), s);
    assertTrue(s.contains(" dropout (Dropout)              (None, 512)            0"), s);
    assertTrue(s.contains(" dense_1 (Dense)                (None, 10)             5130"), s);
    assertTrue(s.contains("Total params: 407,050"), s);
    assertTrue(s.contains("Trainable params: 407,050"), s);
  }

  @Test
  void convnetShapesAndCountsMatchKeras() {
    // Keras: conv2d(32,3) on 28x28x1 -> (26,26,32) 320; conv2d(64,3) -> (24,24,64) 18496;
    // pool 2 -> (12,12,64); flatten 9216; dense 128 -> 1179776; dense 10 -> 1290.
    Sequential model = Sequential.of(conv2d(32, 3, RELU).inputShape(28, 28, 1), conv2d(64, 3, RELU),
        maxPooling2d(2), flatten(), dense(128, RELU), dense(10, SOFTMAX));
    Architecture a = model.architecture();
    assertArrayEquals(new int[] {26, 26, 32}, a.outputShapes().get(0));
    assertArrayEquals(new int[] {12, 12, 64}, a.outputShapes().get(2));
    assertArrayEquals(new int[] {9216}, a.outputShapes().get(3));
    assertEquals(320, a.countParams(0));
    assertEquals(18_496, a.countParams(1));
    assertEquals(1_179_776, a.countParams(4));
    assertEquals(320 + 18_496 + 1_179_776 + 1_290, model.countParams());
    assertTrue(model.summary().contains(" max_pooling2d (MaxPooling2D)   (None, 12, 12, 64)     0"), model.summary());
  }

  @Test
  void samePaddingAndStridesFollowKeras() {
    Conv2D c = conv2d(8, 3, RELU).padding(Padding.SAME).strides(2, 2);
    assertArrayEquals(new int[] {14, 14, 8}, c.outputShape(new int[] {28, 28, 1}));
    assertArrayEquals(new int[] {13, 13, 8}, conv2d(8, 3, RELU).strides(2, 2).outputShape(new int[] {28, 28, 1}));
  }

  @Test
  void badArchitecturesAreRejectedWithTheReason() {
    assertThrowsWithMessage(IllegalArgumentException.class, () -> Sequential.of(dense(10, SOFTMAX)),
        "must declare its input shape");
    assertThrowsWithMessage(IllegalArgumentException.class,
        () -> Sequential.of(conv2d(4, 3, RELU).inputShape(8, 8, 1), dense(2, SOFTMAX)),
        "layer 1", "dense expects a flat input", "(6, 6, 4)", "flatten()");
    assertThrowsWithMessage(IllegalArgumentException.class,
        () -> Sequential.of(dense(4, RELU).inputShape(8), dropout(0.5)), "last layer must be dense");
    assertThrowsWithMessage(IllegalArgumentException.class,
        () -> Sequential.of(dense(4, RELU).inputShape(8), conv2d(2, 3, RELU), flatten(), dense(2, SOFTMAX)),
        "conv2d expects an image input", "(4)");
    assertThrowsWithMessage(IllegalArgumentException.class, () -> dense(0), "units must be >= 1, got 0");
    assertThrowsWithMessage(IllegalArgumentException.class, () -> dropout(1.0), "[0, 1), got 1.0");
    assertThrowsWithMessage(IllegalArgumentException.class,
        () -> dense(3).biasInitializer(Initializer.GLOROT_UNIFORM), "zeros or ones", "glorot_uniform");
    assertThrowsWithMessage(IllegalArgumentException.class, () -> dense(3, "rellu"),
        "unknown activation 'rellu'", "relu");
  }
}
