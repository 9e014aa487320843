package org.mnistkit.examples.walkthrough;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.mnistkit.core.metrics.ConfusionMatrix;
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
 * @param macroF1 unweighted mean of the per-class F1 scores, in [0, 1]
 * @param kappa Cohen's kappa in [-1, 1]
 * @param fitSeconds wall time of training
 * @param predictSeconds wall time of predicting the test images
 * @param trainingRows images the model was trained on
 * @param testRows images it was tested on
 * @param confusionMatrix the test counts, {@code [predicted][truth]} in the model's class order
 * @param provenance the model's provenance as printed (versions, data, settings, seed)
 * @param confusionTable the same matrix printed in yardstick's layout (not in the JSON output)
 */
public record ModelSummary(String model, double accuracy, double macroF1, double kappa, double fitSeconds,
    double predictSeconds, int trainingRows, int testRows, long[][] confusionMatrix, String provenance,
    @JsonIgnore String confusionTable) {

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
    double predictSeconds = StepContext.seconds(t0);
    ClassificationReport r = ClassificationReport.of(testLabels, predicted, model.classes(),
        java.util.Arrays.stream(model.classes()).mapToObj(classNames::get).toList());
    int trainingRows = model.provenance().dataShape()[0];
    return new ModelSummary(name, r.accuracy(), r.macroF1(), r.kappa(), fitSeconds, predictSeconds, trainingRows,
        (int) r.total(), counts(r.confusionMatrix()), model.provenance().toString(),
        r.confusionMatrix().toString());
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
