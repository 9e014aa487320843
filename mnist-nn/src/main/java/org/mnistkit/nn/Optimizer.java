package org.mnistkit.nn;

import java.util.Locale;

/**
 * An optimizer and its settings, with Keras's defaults. Use the factories:
 * {@link #rmsprop()}, {@link #adam()}, {@link #sgd()} or {@link #of(String)}.
 */
public sealed interface Optimizer permits Optimizer.RmsProp, Optimizer.Adam, Optimizer.Sgd {

  /** @return the Keras name: "rmsprop", "adam" or "sgd" */
  String kerasName();

  /** @return the learning rate */
  double learningRate();

  /**
   * RMSprop (Hinton's lecture 6e): s = rho s + (1 - rho) g^2; w -= lr g / (sqrt(s) + epsilon),
   * exactly as Keras and PyTorch compute it.
   *
   * @param learningRate &gt; 0 (Keras default 0.001; Deeplearning4j's own default is 0.1)
   * @param rho decay of the running mean of squares, in [0, 1) (default 0.9)
   * @param epsilon &gt; 0 (default 1e-7)
   */
  record RmsProp(double learningRate, double rho, double epsilon) implements Optimizer {
    /**
     * Checks the settings.
     *
     * @param learningRate &gt; 0 and finite
     * @param rho in [0, 1)
     * @param epsilon &gt; 0 and finite
     * @throws IllegalArgumentException naming the bad value and its range
     */
    public RmsProp {
      positive("learningRate", learningRate);
      unit("rho", rho);
      positive("epsilon", epsilon);
    }

    @Override
    public String kerasName() {
      return "rmsprop";
    }
  }

  /**
   * Adam (Kingma and Ba 2015) with Keras's placement of epsilon: w -= lr_t m / (sqrt(v) + epsilon),
   * lr_t = lr sqrt(1 - beta2^t) / (1 - beta1^t).
   *
   * @param learningRate &gt; 0 (default 0.001)
   * @param beta1 in [0, 1) (default 0.9)
   * @param beta2 in [0, 1) (default 0.999)
   * @param epsilon &gt; 0 (default 1e-7)
   */
  record Adam(double learningRate, double beta1, double beta2, double epsilon) implements Optimizer {
    /**
     * Checks the settings.
     *
     * @param learningRate &gt; 0 and finite
     * @param beta1 in [0, 1)
     * @param beta2 in [0, 1)
     * @param epsilon &gt; 0 and finite
     * @throws IllegalArgumentException naming the bad value and its range
     */
    public Adam {
      positive("learningRate", learningRate);
      unit("beta1", beta1);
      unit("beta2", beta2);
      positive("epsilon", epsilon);
    }

    @Override
    public String kerasName() {
      return "adam";
    }
  }

  /**
   * Stochastic gradient descent with optional momentum, as Keras: v = momentum v - lr g; then
   * w += v, or w += momentum v - lr g with Nesterov momentum; w -= lr g when momentum is 0.
   *
   * @param learningRate &gt; 0 (default 0.01)
   * @param momentum in [0, 1) (default 0)
   * @param nesterov whether to use Nesterov momentum (default false)
   */
  record Sgd(double learningRate, double momentum, boolean nesterov) implements Optimizer {
    /**
     * Checks the settings.
     *
     * @param learningRate &gt; 0 and finite
     * @param momentum in [0, 1); 0 for plain SGD
     * @param nesterov whether to use Nesterov momentum; has no effect when momentum is 0
     * @throws IllegalArgumentException naming the bad value and its range
     */
    public Sgd {
      positive("learningRate", learningRate);
      unit("momentum", momentum);
    }

    @Override
    public String kerasName() {
      return "sgd";
    }
  }

  /** @return RMSprop with Keras's defaults: lr 0.001, rho 0.9, epsilon 1e-7 */
  static RmsProp rmsprop() {
    return new RmsProp(1e-3, 0.9, 1e-7);
  }

  /**
   * RMSprop with a chosen learning rate.
   *
   * @param learningRate &gt; 0 and finite
   * @return RMSprop with the given learning rate, rho 0.9, epsilon 1e-7
   * @throws IllegalArgumentException when the learning rate is not positive and finite
   */
  static RmsProp rmsprop(double learningRate) {
    return new RmsProp(learningRate, 0.9, 1e-7);
  }

  /** @return Adam with Keras's defaults: lr 0.001, beta1 0.9, beta2 0.999, epsilon 1e-7 */
  static Adam adam() {
    return new Adam(1e-3, 0.9, 0.999, 1e-7);
  }

  /**
   * Adam with a chosen learning rate.
   *
   * @param learningRate &gt; 0 and finite
   * @return Adam with the given learning rate and Keras's other defaults (beta1 0.9, beta2 0.999,
   *     epsilon 1e-7)
   * @throws IllegalArgumentException when the learning rate is not positive and finite
   */
  static Adam adam(double learningRate) {
    return new Adam(learningRate, 0.9, 0.999, 1e-7);
  }

  /** @return plain SGD with Keras's default learning rate 0.01 */
  static Sgd sgd() {
    return new Sgd(0.01, 0, false);
  }

  /**
   * SGD with a chosen learning rate and momentum.
   *
   * @param learningRate &gt; 0 and finite
   * @param momentum in [0, 1); 0 for plain SGD
   * @return SGD with the given learning rate and momentum (not Nesterov)
   * @throws IllegalArgumentException naming the bad value and its range
   */
  static Sgd sgd(double learningRate, double momentum) {
    return new Sgd(learningRate, momentum, false);
  }

  /**
   * @param name "rmsprop", "adam" or "sgd" (case-insensitive)
   * @return that optimizer with Keras's defaults
   * @throws IllegalArgumentException naming the value when it is unknown
   */
  static Optimizer of(String name) {
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "rmsprop" -> rmsprop();
      case "adam" -> adam();
      case "sgd" -> sgd();
      default -> throw new IllegalArgumentException("unknown optimizer '" + name
          + "'; expected one of rmsprop, adam, sgd");
    };
  }

  private static void positive(String name, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be > 0 and finite, got " + value);
    }
  }

  private static void unit(String name, double value) {
    if (!(value >= 0 && value < 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1), got " + value);
    }
  }
}
