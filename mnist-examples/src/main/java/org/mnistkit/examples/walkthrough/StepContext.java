package org.mnistkit.examples.walkthrough;

import java.io.IOException;
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

  /** Device pixels per layout pixel of every plot in the report: 2, sharp on high-DPI screens. */
  static final int PLOT_SCALE = 2;

  final WalkthroughOptions options;
  final MnistDataset data;
  final FloatMatrix trainX;
  final FloatMatrix testX;
  final PrintWriter console;
  private final ReportFiles files;
  /** What each classifier scored by {@link #evaluate} predicted, in the order they ran. */
  final java.util.List<TestPredictions> predictions = new java.util.ArrayList<>();
  /** The report's interactive embedding views (steps 4 and 5 add theirs). */
  final EmbeddingView views;

  StepContext(WalkthroughOptions options, MnistDataset data, FloatMatrix trainX, FloatMatrix testX,
      PrintWriter console, ReportFiles files) {
    this.options = options;
    this.data = data;
    this.trainX = trainX;
    this.testX = testX;
    this.console = console;
    this.files = files;
    this.views = new EmbeddingView(files, trainX, data.train().height(), data.train().width());
  }

  /**
   * The one way a step names a file it writes into the report folder: the name is recorded in
   * the folder's manifest, so that the next run deletes it before it starts (see
   * {@link ReportFiles}).
   *
   * @param relativeName a path relative to the report folder, such as {@code umap.png}
   * @return the path to write to; its parent folders exist
   * @throws IllegalArgumentException when the name is absolute or leaves the folder
   * @throws IOException when the manifest cannot be written
   */
  Path file(String relativeName) throws IOException {
    return files.file(relativeName);
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

  /** @return the test rows used to evaluate both models, n x 784 scaled to [0, 1] */
  FloatMatrix testXHead() {
    int n = testRows();
    return n == testX.rows() ? testX : testX.rowRange(0, n);
  }

  /**
   * Scores a fitted classifier on the step's test rows, the same way for every model family, and
   * keeps its predictions with their probabilities in {@link #predictions} for the report's
   * diagnostics (a second, untimed pass through {@code predictProba}).
   *
   * @param name the model's name in the comparison
   * @param model the fitted classifier
   * @param fitSeconds its fit's wall time
   * @return accuracy, F1, kappa, confusion matrix, times and provenance
   */
  ModelSummary evaluate(String name, org.mnistkit.core.model.Classifier model, double fitSeconds) {
    FloatMatrix x = testXHead();
    int[] truth = data.test().head(x.rows()).labels();
    long t0 = System.nanoTime();
    int[] predicted = model.predictClasses(x, options.threads());
    ModelSummary summary = ModelSummary.of(name, model, truth, predicted, data.classNames(), fitSeconds,
        seconds(t0));
    predictions.add(TestPredictions.of(name, model, x, truth, predicted, data.classNames(), options.threads()));
    return summary;
  }

  /**
   * @return whether progress is drawn: not with {@code --quiet}, and only when the console is a
   *     terminal ({@code System.console() != null}), so that logs and pipes get no redrawn lines
   */
  boolean showsProgress() {
    return !options.quiet() && System.console() != null;
  }

  /**
   * @param label the step, such as {@code forest}
   * @param unit what is counted, such as {@code trees}
   * @return a progress line on stderr, or a disabled one when {@link #showsProgress()} is false
   */
  ConsoleProgress progress(String label, String unit) {
    return new ConsoleProgress(label, unit, showsProgress() ? System.err : null);
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
