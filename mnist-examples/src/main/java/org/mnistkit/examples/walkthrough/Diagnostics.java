package org.mnistkit.examples.walkthrough;

import java.io.IOException;
import java.util.List;
import org.mnistkit.core.tensor.FloatMatrix;

/**
 * The report's diagnostics of every classifier that ran: one {@link ModelDiagnostics} per model
 * and, for two or more, the digits one model gets right and another wrong.
 *
 * @param models one per model, in report order
 * @param disagreements one per ordered pair of models (none for fewer than two)
 * @param digitsWritten how many digit pictures were written into the report folder
 */
record Diagnostics(List<ModelDiagnostics> models, List<ModelDiagnostics.Disagreement> disagreements,
    int digitsWritten) {

  /** No model ran. */
  static final Diagnostics NONE = new Diagnostics(List.of(), List.of(), 0);

  /**
   * Diagnoses the models and writes the pictures of the digits the report shows.
   *
   * @param predictions every model's predictions of the same test images
   * @param testX those test images, one per row, values in [0, 1]
   * @param height image rows
   * @param width image columns
   * @param files the report's files, through which the pictures are named
   * @return the diagnostics
   * @throws IOException when a picture cannot be written
   */
  static Diagnostics write(List<TestPredictions> predictions, FloatMatrix testX, int height, int width,
      ReportFiles files)
      throws IOException {
    List<ModelDiagnostics> models = predictions.stream()
        .map(p -> ModelDiagnostics.of(p, ModelDiagnostics.CELL_CAP, ModelDiagnostics.GALLERY_CAP)).toList();
    List<ModelDiagnostics.Disagreement> pairs = ModelDiagnostics.disagreements(predictions,
        ModelDiagnostics.GALLERY_CAP);
    Diagnostics d = new Diagnostics(models, pairs, 0);
    int written = new DigitGallery(testX, height, width).write(d, files).size();
    return new Diagnostics(models, pairs, written);
  }

  /**
   * @param model a model's name as in its {@link ModelSummary}
   * @return its diagnostics, or null when it has none
   */
  ModelDiagnostics of(String model) {
    return models.stream().filter(m -> m.predictions().model().equals(model)).findFirst().orElse(null);
  }
}
