package org.mnistkit.nn.layers;

import java.util.List;

/**
 * Keras's {@code layer_flatten}: turns an image {@code (h, w, c)} into a flat vector of
 * {@code h * w * c} values, so that a dense layer can follow convolutions. No parameters. (The
 * order of the flattened values follows Deeplearning4j's channels-first layout; this matters only
 * for importing weights, which mnist-nn does not do.)
 *
 * @param inputShape the declared input shape, or empty to infer it
 */
public record Flatten(List<Integer> inputShape) implements Layer {

  /**
   * Checks the declared input shape and keeps an unmodifiable copy of it.
   *
   * @param inputShape empty, or the declared input shape of 1 to 3 dimensions, each at least 1
   * @throws IllegalArgumentException when the declared shape has more than 3 dimensions or a
   *     dimension below 1
   * @throws NullPointerException when inputShape is null
   */
  public Flatten {
    inputShape = List.copyOf(inputShape);
    if (!inputShape.isEmpty()) {
      Shapes.inputShape("flatten", Shapes.toArray(inputShape), 3);
    }
  }

  /** @return a copy declaring the input shape */
  public Flatten inputShape(int... shape) {
    return new Flatten(Shapes.inputShape("flatten", shape, 3));
  }

  @Override
  public String typeName() {
    return "Flatten";
  }

  @Override
  public String baseName() {
    return "flatten";
  }

  @Override
  public int[] outputShape(int[] input) {
    return new int[] {Math.toIntExact(Shapes.product(input))};
  }

  @Override
  public long countParams(int[] input) {
    return 0;
  }
}
