package org.mnistkit.nn;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;

/**
 * What the user sees of one epoch, by verbosity: nothing (0); "Epoch i/n" and a
 * {@link ProgressLine} bar redrawn in place on an interactive console, or only its final line
 * otherwise, as Keras does when stdout is not a terminal (1); "Epoch i/n" and one summary line (2).
 * The bar is drawn by me.tongfei's ProgressBar on its own thread, at most every
 * {@link #REFRESH_MILLIS} ms.
 */
final class EpochProgress {

  static final int REFRESH_MILLIS = 100;

  private final int verbose;
  private final PrintStream out;
  private final long steps;
  private final long startNanos = System.nanoTime();
  private final ProgressBar bar;

  private EpochProgress(int verbose, PrintStream out, long steps, ProgressBar bar) {
    this.verbose = verbose;
    this.out = out;
    this.steps = steps;
    this.bar = bar;
  }

  /**
   * Announces an epoch and starts its bar.
   *
   * @param epoch from 0
   */
  static EpochProgress start(FitOptions options, int epoch, long steps) {
    int verbose = options.verbose();
    PrintStream out = options.output();
    if (verbose == 0) {
      return new EpochProgress(0, out, steps, null);
    }
    out.println("Epoch " + (epoch + 1) + "/" + options.epochs());
    ProgressBar bar = null;
    if (verbose == 1) {
      boolean interactive = out == System.out && System.console() != null;
      ProgressBarConsumer consumer = interactive
          ? new ConsoleProgressBarConsumer(out, 160)
          : new LastLineConsumer(out);
      bar = new ProgressBarBuilder()
          .setInitialMax(steps)
          .setRenderer(new ProgressLine())
          .setConsumer(consumer)
          .setUpdateIntervalMillis(REFRESH_MILLIS)
          .build();
    }
    return new EpochProgress(verbose, out, steps, bar);
  }

  /** @param metrics running means so far */
  void update(long step, Map<String, Double> metrics) {
    if (bar != null) {
      bar.stepTo(step);
      bar.setExtraMessage(ProgressLine.metrics(metrics));
    }
  }

  /** Prints the epoch's final line with its results, validation included. */
  void finish(Map<String, Double> logs) {
    if (verbose == 1) {
      bar.stepTo(steps);
      bar.setExtraMessage(ProgressLine.metrics(logs));
      bar.close();
    } else if (verbose == 2) {
      out.println(ProgressLine.summaryLine(steps, Duration.ofNanos(System.nanoTime() - startNanos),
          ProgressLine.metrics(logs)));
    }
  }

  /** Keeps only the latest rendering and prints it as one line when the bar closes. */
  private static final class LastLineConsumer implements ProgressBarConsumer {
    private final PrintStream out;
    private String last = "";

    LastLineConsumer(PrintStream out) {
      this.out = out;
    }

    @Override
    public int getMaxRenderedLength() {
      return 0;
    }

    @Override
    public void accept(String rendered) {
      last = rendered;
    }

    @Override
    public void close() {
      out.println(last);
      out.flush();
    }
  }
}
