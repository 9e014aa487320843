package org.mnistkit.nn;

import java.util.Collections;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * What mnist-nn's own Deeplearning4j updaters ({@link JavaRmsProp}, {@link MomentumSgd}) share: a
 * constant learning rate (schedules are refused) and one state array with one value per
 * parameter, kept in Deeplearning4j's updater-state view so that saving and restoring a network
 * work unchanged. Subclasses give the rule. Internal to mnist-nn.
 *
 * @param <C> the concrete updater configuration
 */
abstract class ConstantRateUpdater<C extends ConstantRateUpdater<C>> implements IUpdater {

  private static final long serialVersionUID = 1L;

  private double learningRate;

  /** For the JSON reader. */
  ConstantRateUpdater() {}

  ConstantRateUpdater(double learningRate) {
    this.learningRate = learningRate;
  }

  /** @return the learning rate, as set */
  final double learningRate() {
    return learningRate;
  }

  /** @return a fresh rule bound to this configuration, its state not yet set */
  abstract State<C> newState();

  /** @return the optimizer's name for messages, e.g. "RMSprop" */
  abstract String displayName();

  @Override
  public final long stateSize(long numParams) {
    return numParams;
  }

  @Override
  public final GradientUpdater<C> instantiate(INDArray viewArray, boolean initializeViewArray) {
    State<C> u = newState();
    u.setStateViewArray(viewArray, viewArray.shape(), viewArray.ordering(), initializeViewArray);
    return u;
  }

  @Override
  public final GradientUpdater<C> instantiate(Map<String, INDArray> state,
      boolean initializeStateArrays) {
    State<C> u = newState();
    u.setState(state, initializeStateArrays);
    return u;
  }

  @Override
  public final double getLearningRate(int iteration, int epoch) {
    return learningRate;
  }

  @Override
  public final boolean hasLearningRate() {
    return true;
  }

  /** @throws UnsupportedOperationException when a schedule is given */
  @Override
  public final void setLrAndSchedule(double lr, ISchedule lrSchedule) {
    if (lrSchedule != null) {
      throw new UnsupportedOperationException(
          "learning-rate schedules are not supported by mnist-nn's " + displayName());
    }
    this.learningRate = lr;
  }

  @Override
  public abstract C clone();

  /**
   * The state array under one key and the configuration; subclasses implement
   * {@link GradientUpdater#applyUpdater}.
   *
   * @param <C> the configuration
   */
  abstract static class State<C extends ConstantRateUpdater<C>> implements GradientUpdater<C> {
    private final C config;
    private final String key;
    /** One value per parameter, shaped like the gradient. */
    INDArray state;

    State(C config, String key) {
      this.config = config;
      this.key = key;
    }

    @Override
    public final C getConfig() {
      return config;
    }

    @Override
    public final void setState(Map<String, INDArray> stateMap, boolean initialize) {
      INDArray v = stateMap.get(key);
      if (v == null || stateMap.size() != 1) {
        throw new IllegalStateException(config.displayName() + " expects exactly the state key "
            + key + ", got " + stateMap.keySet());
      }
      state = v;
      if (initialize) {
        state.assign(0);
      }
    }

    @Override
    public final Map<String, INDArray> getState() {
      return Collections.singletonMap(key, state);
    }

    @Override
    public final void setStateViewArray(INDArray viewArray, long[] gradientShape,
        char gradientOrder, boolean initialize) {
      if (initialize) {
        viewArray.assign(0);
      }
      state = viewArray.reshape(gradientOrder, gradientShape);
    }
  }
}
