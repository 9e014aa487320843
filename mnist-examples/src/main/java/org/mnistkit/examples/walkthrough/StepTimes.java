package org.mnistkit.examples.walkthrough;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The wall time of each step of one run, in the order the steps ran: load, SVD, UMAP, network,
 * forest, report. A step left out has no entry.
 */
final class StepTimes {

  /** Work of one step that may fail with an IOException. */
  interface Step<T> {
    /** @return the step's result */
    T run() throws IOException;
  }

  private final List<WalkthroughResult.StepTime> times = new ArrayList<>();

  /**
   * Runs a step and records its wall time under its name.
   *
   * @param name the step's name in the timing table, such as {@code UMAP}
   * @param step the work
   * @return what the step returned
   * @throws IOException what the step threw (its time is then not recorded)
   */
  <T> T time(String name, Step<T> step) throws IOException {
    long t0 = System.nanoTime();
    T result = step.run();
    add(name, StepContext.seconds(t0));
    return result;
  }

  /** Records a step's time measured elsewhere, in seconds. */
  void add(String name, double seconds) {
    times.add(new WalkthroughResult.StepTime(name, seconds));
  }

  /** @return the times so far, in order */
  List<WalkthroughResult.StepTime> list() {
    return List.copyOf(times);
  }
}
