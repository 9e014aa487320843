package org.mnistkit.nn;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Deeplearning4j updater for SGD with momentum written after Keras's SGD: with velocity v,
 * v = momentum v - lr g, then w += v (classic) or w += momentum v - lr g (Nesterov). Deeplearning4j
 * has no classic-momentum updater (its Nesterovs is always Nesterov), hence this class. State:
 * one velocity per parameter. Internal to mnist-nn; Deeplearning4j's JSON reader instantiates it
 * by name.
 */
final class MomentumSgd extends ConstantRateUpdater<MomentumSgd> {

  private static final long serialVersionUID = 1L;

  private double momentum;
  private boolean nesterov;

  /** For the JSON reader. */
  MomentumSgd() {}

  MomentumSgd(double learningRate, double momentum, boolean nesterov) {
    super(learningRate);
    this.momentum = momentum;
    this.nesterov = nesterov;
  }

  double momentum() {
    return momentum;
  }

  boolean nesterov() {
    return nesterov;
  }

  @Override
  Updater newState() {
    return new Updater(this);
  }

  @Override
  String displayName() {
    return "SGD";
  }

  @Override
  public MomentumSgd clone() {
    return new MomentumSgd(learningRate(), momentum, nesterov);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MomentumSgd m && m.learningRate() == learningRate()
        && m.momentum == momentum && m.nesterov == nesterov;
  }

  @Override
  public int hashCode() {
    return Objects.hash(learningRate(), momentum, nesterov);
  }

  @Override
  public String toString() {
    return "MomentumSgd(lr=" + learningRate() + ", momentum=" + momentum + ", nesterov=" + nesterov + ")";
  }

  /** The velocity (the state) and the update rule. */
  static final class Updater extends State<MomentumSgd> {
    static final String VELOCITY = "V";

    Updater(MomentumSgd config) {
      super(config, VELOCITY);
    }

    /** Turns the gradient into the step that Deeplearning4j subtracts from the parameters. */
    @Override
    public void applyUpdater(INDArray gradient, int iteration, int epoch) {
      MomentumSgd config = getConfig();
      INDArray velocity = state;
      double lr = config.getLearningRate(iteration, epoch);
      gradient.muli(lr);
      velocity.muli(config.momentum).subi(gradient);
      if (config.nesterov) {
        Nd4j.getBlasWrapper().level1().axpy(gradient.length(), -config.momentum, velocity, gradient);
      } else {
        gradient.assign(velocity).negi();
      }
    }
  }
}
