package org.mnistkit.nn;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * Deeplearning4j updater for SGD with momentum written after Keras's SGD: with velocity v,
 * v = momentum v - lr g, then w += v (classic) or w += momentum v - lr g (Nesterov). Deeplearning4j
 * has no classic-momentum updater (its Nesterovs is always Nesterov), hence this class. State:
 * one velocity per parameter. Internal to mnist-nn; Deeplearning4j's JSON reader instantiates it
 * by name.
 */
final class MomentumSgd implements IUpdater {

  private static final long serialVersionUID = 1L;

  private double learningRate;
  private double momentum;
  private boolean nesterov;

  /** For the JSON reader. */
  MomentumSgd() {}

  MomentumSgd(double learningRate, double momentum, boolean nesterov) {
    this.learningRate = learningRate;
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
  public long stateSize(long numParams) {
    return numParams;
  }

  @Override
  public GradientUpdater<MomentumSgd> instantiate(INDArray viewArray, boolean initializeViewArray) {
    Updater u = new Updater(this);
    u.setStateViewArray(viewArray, viewArray.shape(), viewArray.ordering(), initializeViewArray);
    return u;
  }

  @Override
  public GradientUpdater<MomentumSgd> instantiate(Map<String, INDArray> state, boolean initializeStateArrays) {
    Updater u = new Updater(this);
    u.setState(state, initializeStateArrays);
    return u;
  }

  @Override
  public MomentumSgd clone() {
    return new MomentumSgd(learningRate, momentum, nesterov);
  }

  @Override
  public double getLearningRate(int iteration, int epoch) {
    return learningRate;
  }

  @Override
  public boolean hasLearningRate() {
    return true;
  }

  @Override
  public void setLrAndSchedule(double lr, ISchedule lrSchedule) {
    if (lrSchedule != null) {
      throw new UnsupportedOperationException("learning-rate schedules are not supported by mnist-nn's SGD");
    }
    this.learningRate = lr;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MomentumSgd m && m.learningRate == learningRate && m.momentum == momentum
        && m.nesterov == nesterov;
  }

  @Override
  public int hashCode() {
    return Objects.hash(learningRate, momentum, nesterov);
  }

  @Override
  public String toString() {
    return "MomentumSgd(lr=" + learningRate + ", momentum=" + momentum + ", nesterov=" + nesterov + ")";
  }

  /** The velocity state and the update rule. */
  static final class Updater implements GradientUpdater<MomentumSgd> {
    static final String VELOCITY = "V";
    private final MomentumSgd config;
    private INDArray velocity;

    Updater(MomentumSgd config) {
      this.config = config;
    }

    @Override
    public MomentumSgd getConfig() {
      return config;
    }

    @Override
    public void setState(Map<String, INDArray> state, boolean initialize) {
      INDArray v = state.get(VELOCITY);
      if (v == null || state.size() != 1) {
        throw new IllegalStateException("momentum SGD expects exactly the state key " + VELOCITY + ", got "
            + state.keySet());
      }
      velocity = v;
      if (initialize) {
        velocity.assign(0);
      }
    }

    @Override
    public Map<String, INDArray> getState() {
      return Collections.singletonMap(VELOCITY, velocity);
    }

    @Override
    public void setStateViewArray(INDArray viewArray, long[] gradientShape, char gradientOrder,
        boolean initialize) {
      if (initialize) {
        viewArray.assign(0);
      }
      velocity = viewArray.reshape(gradientOrder, gradientShape);
    }

    /** Turns the gradient into the step that Deeplearning4j subtracts from the parameters. */
    @Override
    public void applyUpdater(INDArray gradient, int iteration, int epoch) {
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
