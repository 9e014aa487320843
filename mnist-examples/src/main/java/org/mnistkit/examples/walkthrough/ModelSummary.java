package org.mnistkit.examples.walkthrough;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.mnistkit.core.metrics.ConfusionMatrix;
import org.mnistkit.core.metrics.WilsonInterval;
import org.mnistkit.core.model.ClassificationReport;
import org.mnistkit.core.model.Classifier;
import org.mnistkit.core.tensor.FloatMatrix;

/**
 * One row of step 8's comparison: how a model did on the test images, what it cost and where it
 * came from. Made by {@link #evaluate} from any {@link Classifier}, so the comparison, the report
 * and the CLI treat every model family alike.
 *
 * @param model the model's name
 * @param accuracy test accuracy in [0, 1]
 * @param accuracyWilson95 the 95% Wilson score interval of the accuracy, {@code [lower, upper]}
 *     (see {@link WilsonInterval}; JSON key {@code accuracy_wilson95})
 * @param macroF1 unweighted mean of the per-class F1 scores, in [0, 1]
 * @param kappa Cohen's kappa in [-1, 1]
 * @param fitSeconds wall time of training
 * @param predictSeconds wall time of predicting the test images
 * @param trainingRows images the model was trained on
 * @param testRows images it was tested on
 * @param perClass precision, recall, F1 and support of each class on the test images
 * @param confusionMatrix the test counts, {@code [predicted][truth]} in the model's class order
 * @param provenance the model's provenance as printed (versions, data, settings, seed)
 * @param confusionTable the same matrix printed in yardstick's layout (not in the JSON output)
 */
public record ModelSummary(String model, double accuracy, double[] accuracyWilson95, double macroF1, double kappa,
    double fitSeconds, double predictSeconds, int trainingRows, int testRows, PerClass perClass,
    long[][] confusionMatrix, String provenance, @JsonIgnore String confusionTable) {

  /** The caption printed above every test confusion table, naming its one orientation. */
  public static final String CONFUSION_CAPTION = "test confusion matrix (rows: prediction, columns: truth):";

  /**
   * Predicts the test rows with a fitted classifier and scores them.
   *
   * @param name the model's name in the comparison, such as {@code random forest}
   * @param model any fitted classifier
   * @param testX m x p test rows on the model's scale
   * @param testLabels m true labels
   * @param classNames the dataset's class names, indexed by label
   * @param fitSeconds the fit's wall time
   * @param threads threads for prediction, at least 1
   * @return the summary; its predict time covers {@code predictClasses} alone
   */
  public static ModelSummary evaluate(String name, Classifier model, FloatMatrix testX, int[] testLabels,
      java.util.List<String> classNames, double fitSeconds, int threads) {
    long t0 = System.nanoTime();
    int[] predicted = model.predictClasses(testX, threads);
    return of(name, model, testLabels, predicted, classNames, fitSeconds, StepContext.seconds(t0));
  }

  /**
   * Scores predictions already made by a fitted classifier.
   *
   * @param name the model's name in the comparison
   * @param model the classifier that made the predictions (for its classes and provenance)
   * @param testLabels m true labels, each one of the model's classes
   * @param predicted m predicted labels
   * @param classNames the dataset's class names, indexed by label
   * @param fitSeconds the fit's wall time
   * @param predictSeconds the prediction's wall time
   * @return the summary
   * @throws IllegalArgumentException when the lengths differ, m is 0 or a label is not a class
   */
  static ModelSummary of(String name, Classifier model, int[] testLabels, int[] predicted,
      java.util.List<String> classNames, double fitSeconds, double predictSeconds) {
    ClassificationReport r = ClassificationReport.of(testLabels, predicted, model.classes(),
        java.util.Arrays.stream(model.classes()).mapToObj(classNames::get).toList());
    int trainingRows = model.provenance().dataShape()[0];
    long right = 0;
    for (int c = 0; c < r.confusionMatrix().numClasses(); c++) {
      right += r.confusionMatrix().count(c, c);
    }
    WilsonInterval ci = WilsonInterval.of95(right, r.total());
    return new ModelSummary(name, r.accuracy(), new double[] {ci.lower(), ci.upper()}, r.macroF1(), r.kappa(),
        fitSeconds, predictSeconds, trainingRows, (int) r.total(), PerClass.of(r.perClass()),
        counts(r.confusionMatrix()), model.provenance().toString(), r.confusionMatrix().toString());
  }

  /** @return the accuracy's 95% Wilson interval as a record */
  WilsonInterval accuracyInterval() {
    return new WilsonInterval(accuracyWilson95[0], accuracyWilson95[1]);
  }

  /**
   * Per-class scores as parallel arrays (the JSON shape), in the model's class order.
   *
   * @param classes the class names
   * @param precision TP / (TP + FP) per class, in [0, 1]; 0 for a class never predicted
   * @param recall TP / (TP + FN) per class, in [0, 1]; 0 for a class that never occurs
   * @param f1 the harmonic mean of the two, in [0, 1]
   * @param support the test images of each class
   */
  public record PerClass(java.util.List<String> classes, double[] precision, double[] recall, double[] f1,
      long[] support) {

    static PerClass of(java.util.List<ConfusionMatrix.ClassMetrics> metrics) {
      int k = metrics.size();
      double[] p = new double[k];
      double[] r = new double[k];
      double[] f = new double[k];
      long[] s = new long[k];
      for (int c = 0; c < k; c++) {
        ConfusionMatrix.ClassMetrics m = metrics.get(c);
        p[c] = m.precision();
        r[c] = m.recall();
        f[c] = m.f1();
        s[c] = m.support();
      }
      return new PerClass(metrics.stream().map(ConfusionMatrix.ClassMetrics::name).toList(), p, r, f, s);
    }
  }

  /**
   * @param cm a confusion matrix
   * @return its counts as {@code [predicted][truth]} arrays, the shape every JSON output uses
   */
  public static long[][] counts(ConfusionMatrix cm) {
    int k = cm.numClasses();
    long[][] c = new long[k][k];
    for (int p = 0; p < k; p++) {
      for (int t = 0; t < k; t++) {
        c[p][t] = cm.count(p, t);
      }
    }
    return c;
  }
}
