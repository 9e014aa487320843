package org.mnistkit.nn.layers;

/**
 * Element-wise (or, for {@link #SOFTMAX}, row-wise) activation functions, named as Keras names
 * them. Keras's default for {@code layer_dense} and {@code layer_conv_2d} is {@link #LINEAR}.
 */
public enum Activation {
  /** f(x) = x (Keras "linear", the default). */
  LINEAR("linear"),
  /** f(x) = max(0, x). */
  RELU("relu"),
  /** f(x) = 1 / (1 + e^-x). */
  SIGMOID("sigmoid"),
  /** f(x) = tanh(x). */
  TANH("tanh"),
  /** Row-wise e^x_i / sum_j e^x_j; outputs are probabilities summing to 1 per row. */
  SOFTMAX("softmax"),
  /** f(x) = x for x &gt; 0, e^x - 1 otherwise (alpha 1, as Keras). */
  ELU("elu"),
  /** Scaled ELU with the constants of Klambauer et al. 2017, as Keras. */
  SELU("selu"),
  /** f(x) = log(1 + e^x). */
  SOFTPLUS("softplus"),
  /** f(x) = x / (1 + |x|). */
  SOFTSIGN("softsign");

  private final String kerasName;

  Activation(String kerasName) {
    this.kerasName = kerasName;
  }

  /** @return the Keras name, such as {@code "relu"} */
  public String kerasName() {
    return kerasName;
  }

  /**
   * Looks an activation up by its Keras name (case-insensitive).
   *
   * @param name such as "relu" or "softmax"
   * @return the activation
   * @throws IllegalArgumentException naming the value and the accepted names when it is unknown
   */
  public static Activation of(String name) {
    return KerasNames.lookup(values(), Activation::kerasName, name, "activation");
  }

  @Override
  public String toString() {
    return kerasName;
  }
}
