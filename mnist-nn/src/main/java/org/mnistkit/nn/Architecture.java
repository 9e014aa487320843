package org.mnistkit.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mnistkit.nn.layers.Dense;
import org.mnistkit.nn.layers.Layer;
import org.mnistkit.nn.layers.Shapes;

/**
 * The layers of a model with every shape resolved: checked once when a {@link Sequential} is
 * created, then used for the summary, for input checks and to build the Deeplearning4j network.
 *
 * @param layers the layer specs, first to last
 * @param inputShape the shape of one input row, declared on the first layer
 * @param inputShapes the shape each layer receives
 * @param outputShapes the shape each layer produces
 */
record Architecture(List<Layer> layers, int[] inputShape, List<int[]> inputShapes, List<int[]> outputShapes) {

  /**
   * @throws IllegalArgumentException when there are no layers, the first layer declares no input
   *     shape, a later layer declares a different one, a layer cannot take its input, the last
   *     layer is not dense, or a layer is of a class mnist-nn has no {@link LayerType} for
   */
  static Architecture of(List<Layer> layers) {
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("a Sequential model needs at least one layer");
    }
    layers.forEach(LayerTypes::of);
    Layer first = layers.get(0);
    if (first.inputShape().isEmpty()) {
      throw new IllegalArgumentException("the first layer (" + first.baseName() + ") must declare its input "
          + "shape, for example dense(512, RELU).inputShape(784)");
    }
    int[] shape = Shapes.toArray(first.inputShape());
    int[] input = shape;
    List<int[]> ins = new ArrayList<>();
    List<int[]> outs = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      Layer layer = layers.get(i);
      if (i > 0 && !layer.inputShape().isEmpty()
          && !java.util.Arrays.equals(Shapes.toArray(layer.inputShape()), shape)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "layer %d (%s) declares input shape %s but receives %s", i, layer.baseName(),
            Shapes.format(Shapes.toArray(layer.inputShape())), Shapes.format(shape)));
      }
      ins.add(shape);
      try {
        shape = layer.outputShape(shape);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("layer " + i + ": " + e.getMessage(), e);
      }
      outs.add(shape);
    }
    if (!(layers.get(layers.size() - 1) instanceof Dense)) {
      throw new IllegalArgumentException("the last layer must be dense (it becomes the output layer that the "
          + "loss is computed on), got " + layers.get(layers.size() - 1).baseName());
    }
    return new Architecture(List.copyOf(layers), input, List.copyOf(ins), List.copyOf(outs));
  }

  /** @return the number of values in one input row, such as 784 */
  int inputWidth() {
    return Math.toIntExact(Shapes.product(inputShape));
  }

  /** @return the units of the last (dense) layer */
  int units() {
    return ((Dense) layers.get(layers.size() - 1)).units();
  }

  /** @return true when the model contains convolution or pooling layers (image input) */
  boolean isConvolutional() {
    return layers.stream().anyMatch(l -> LayerTypes.of(l).needsImages());
  }

  /** @return the parameters of layer i */
  long countParams(int i) {
    return layers.get(i).countParams(inputShapes.get(i));
  }

  /** @return the parameters of all layers */
  long countParams() {
    long total = 0;
    for (int i = 0; i < layers.size(); i++) {
      total += countParams(i);
    }
    return total;
  }
}
