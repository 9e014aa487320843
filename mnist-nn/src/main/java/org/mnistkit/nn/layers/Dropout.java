package org.mnistkit.nn.layers;

import java.util.List;

/**
 * Keras's {@code layer_dropout}: during training each input value is set to 0 with probability
 * {@code rate} and the others are scaled by {@code 1 / (1 - rate)} (inverted dropout, Srivastava
 * et al. 2014); at inference it passes its input through. Note that {@code rate} is the
 * probability of <em>dropping</em>, as in Keras, whereas Deeplearning4j's {@code dropOut(p)}
 * takes the probability of <em>keeping</em>; the translation happens inside mnist-nn. Output
 * shape = input shape; no parameters.
 *
 * @param rate probability of dropping each value, in [0, 1)
 * @param inputShape the declared input shape, or empty to infer it
 */
public record Dropout(double rate, List<Integer> inputShape) implements Layer {

  /**
   * Checks the rate and keeps an unmodifiable copy of the input shape.
   *
   * @param rate probability of dropping each value, in [0, 1); 0 makes the layer the identity
   * @param inputShape empty, or the declared input shape of 1 to 3 dimensions, each at least 1
   * @throws IllegalArgumentException when rate is outside [0, 1) or the input shape is invalid
   * @throws NullPointerException when inputShape is null
   */
  public Dropout {
    if (!(rate >= 0 && rate < 1)) {
      throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
    }
    inputShape = List.copyOf(inputShape);
    if (!inputShape.isEmpty()) {
      Shapes.inputShape("dropout", Shapes.toArray(inputShape), 3);
    }
  }

  /** @return a copy declaring the input shape (flat or height, width, channels) */
  public Dropout inputShape(int... shape) {
    return new Dropout(rate, Shapes.inputShape("dropout", shape, 3));
  }

  @Override
  public String typeName() {
    return "Dropout";
  }

  @Override
  public String baseName() {
    return "dropout";
  }

  @Override
  public int[] outputShape(int[] input) {
    return input.clone();
  }

  @Override
  public long countParams(int[] input) {
    return 0;
  }
}
