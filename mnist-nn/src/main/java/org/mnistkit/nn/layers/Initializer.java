package org.mnistkit.nn.layers;

/**
 * Weight initializers, named as Keras names them. Keras's defaults are {@link #GLOROT_UNIFORM}
 * for kernels and {@link #ZEROS} for biases.
 *
 * <p>fan_in and fan_out are the number of inputs and outputs of a unit: for a dense layer the
 * input width and the number of units; for a convolution kernel_h * kernel_w * input_channels and
 * kernel_h * kernel_w * filters. The uniform variants match Keras exactly (Deeplearning4j's
 * XAVIER_UNIFORM and RELU_UNIFORM; lecun_uniform as a uniform distribution with Keras's limit,
 * because Deeplearning4j's LECUN_UNIFORM uses 3 / sqrt(fan_in)). The normal variants draw from an
 * untruncated normal distribution with Keras's variance (Deeplearning4j's XAVIER, RELU and
 * LECUN_NORMAL), whereas Keras truncates at two standard deviations. For a convolution with
 * strides, Deeplearning4j also divides fan_out by the product of the strides.
 */
public enum Initializer {
  /** U(-l, l), l = sqrt(6 / (fan_in + fan_out)) (Glorot and Bengio 2010). */
  GLOROT_UNIFORM("glorot_uniform"),
  /** N(0, 2 / (fan_in + fan_out)), untruncated. */
  GLOROT_NORMAL("glorot_normal"),
  /** U(-l, l), l = sqrt(6 / fan_in) (He et al. 2015). */
  HE_UNIFORM("he_uniform"),
  /** N(0, 2 / fan_in), untruncated. */
  HE_NORMAL("he_normal"),
  /** U(-l, l), l = sqrt(3 / fan_in) (LeCun et al. 1998). */
  LECUN_UNIFORM("lecun_uniform"),
  /** N(0, 1 / fan_in), untruncated. */
  LECUN_NORMAL("lecun_normal"),
  /** All zeros (Keras's bias default). */
  ZEROS("zeros"),
  /** All ones. */
  ONES("ones");

  private final String kerasName;

  Initializer(String kerasName) {
    this.kerasName = kerasName;
  }

  /** @return the Keras name, such as {@code "glorot_uniform"} */
  public String kerasName() {
    return kerasName;
  }

  /** @return true for {@link #ZEROS} and {@link #ONES}, the only initializers a bias accepts */
  public boolean isConstant() {
    return this == ZEROS || this == ONES;
  }

  /**
   * Looks an initializer up by its Keras name (case-insensitive).
   *
   * @param name a Keras initializer name such as {@code "glorot_uniform"} or {@code "zeros"}; case
   *     and surrounding blanks are ignored
   * @return the initializer with that name
   * @throws IllegalArgumentException naming the value and the accepted names when it is unknown
   * @throws NullPointerException when name is null
   */
  public static Initializer of(String name) {
    return KerasNames.lookup(values(), Initializer::kerasName, name, "initializer");
  }

  @Override
  public String toString() {
    return kerasName;
  }
}
