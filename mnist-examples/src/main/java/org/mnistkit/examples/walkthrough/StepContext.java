package org.mnistkit.examples.walkthrough;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.mnistkit.core.data.LabeledImages;
import org.mnistkit.core.data.MnistDataset;
import org.mnistkit.core.tensor.FloatMatrix;

/**
 * What every step of the walkthrough reads: the options, the dataset, the scaled matrices of step
 * 3 (computed once), the report folder and the console.
 */
final class StepContext {

  final WalkthroughOptions options;
  final MnistDataset data;
  final FloatMatrix trainX;
  final FloatMatrix testX;
  final PrintWriter console;
  /** The report's interactive embedding views (steps 4 and 5 add theirs). */
  final EmbeddingView views;

  StepContext(WalkthroughOptions options, MnistDataset data, FloatMatrix trainX, FloatMatrix testX,
      PrintWriter console) {
    this.options = options;
    this.data = data;
    this.trainX = trainX;
    this.testX = testX;
    this.console = console;
    this.views = new EmbeddingView(options.out(), trainX, data.train().height(), data.train().width());
  }

  /** @return the report folder */
  Path out() {
    return options.out();
  }

  /** @return the first min(n, available) training images */
  LabeledImages trainHead(int n) {
    return n >= data.train().size() ? data.train() : data.train().head(n);
  }

  /** @return the first min(n, available) rows of the scaled training matrix */
  FloatMatrix trainXHead(int n) {
    return n >= trainX.rows() ? trainX : trainX.rowRange(0, n);
  }

  /** @return the first min(n, available) training labels */
  int[] trainYHead(int n) {
    return trainHead(n).labels();
  }

  /** @return the test rows used to evaluate both models */
  int testRows() {
    return Math.min(options.sizes().testRows(), testX.rows());
  }

  /**
   * Scores a fitted classifier on the step's test rows, the same way for every model family.
   *
   * @param name the model's name in the comparison
   * @param model the fitted classifier
   * @param fitSeconds its fit's wall time
   * @return accuracy, F1, kappa, confusion matrix, times and provenance
   */
  ModelSummary evaluate(String name, org.mnistkit.core.model.Classifier model, double fitSeconds) {
    int n = testRows();
    FloatMatrix x = n == testX.rows() ? testX : testX.rowRange(0, n);
    return ModelSummary.evaluate(name, model, x, data.test().head(n).labels(), data.classNames(), fitSeconds,
        options.threads());
  }

  /** Prints a step heading such as {@code == 4. Truncated SVD ==}. */
  void heading(int step, String title) {
    console.printf(Locale.ROOT, "%n== %d. %s ==%n", step, title);
    console.flush();
  }

  /** Prints one formatted line (Locale.ROOT). */
  void say(String format, Object... args) {
    console.printf(Locale.ROOT, format + "%n", args);
    console.flush();
  }

  static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
