package org.mnistkit.examples.walkthrough;

import org.mnistkit.core.metrics.ConfusionMatrix;

/**
 * One row of step 8's comparison: how a model did on the test images and what it cost.
 *
 * @param model the model's name
 * @param accuracy test accuracy in [0, 1]
 * @param macroF1 unweighted mean of the per-class F1 scores, in [0, 1]
 * @param kappa Cohen's kappa in [-1, 1]
 * @param fitSeconds wall time of training
 * @param predictSeconds wall time of predicting the test images
 * @param trainingRows images the model was trained on
 * @param testRows images it was tested on
 */
record ModelSummary(String model, double accuracy, double macroF1, double kappa, double fitSeconds,
    double predictSeconds, int trainingRows, int testRows) {

  static ModelSummary of(String model, ConfusionMatrix cm, double fitSeconds, double predictSeconds,
      int trainingRows) {
    return new ModelSummary(model, cm.accuracy(), cm.macroF1(), cm.kappa(), fitSeconds, predictSeconds, trainingRows,
        (int) cm.total());
  }
}
