package org.mnistkit.examples.walkthrough;

import java.util.List;
import java.util.Locale;

/**
 * Step 8: the models side by side, as a table on the console and in the report, with the
 * training and test rows each model saw and a 95% Wilson score interval for each accuracy.
 */
final class Comparison {

  static final String[] HEADER = {"model", "accuracy", "95% CI (Wilson)", "macro F1", "kappa", "fit s",
      "predict s", "training rows", "test rows"};

  /** The training images the R walkthrough samples for randomForest. */
  static final int R_FOREST_ROWS = 3000;

  private Comparison() {}

  /** @return one row of cells per model, formatted like the console table */
  static List<String[]> rows(List<ModelSummary> models) {
    return models.stream().map(m -> new String[] {m.model(), Walkthrough.fmt(m.accuracy()),
        m.accuracyInterval().toString(), Walkthrough.fmt(m.macroF1()), Walkthrough.fmt(m.kappa()),
        String.format(Locale.ROOT, "%.2f", m.fitSeconds()), String.format(Locale.ROOT, "%.2f", m.predictSeconds()),
        Integer.toString(m.trainingRows()), Integer.toString(m.testRows())}).toList();
  }

  /**
   * What the table's rows mean: which test images, which interval, and how many training images
   * each model saw, with the forest's sample named as the R walkthrough's.
   *
   * @param models the models that ran, in report order
   * @param forest step 7's result, or null when the forest was skipped
   * @param seed the run's seed
   * @return plain text (no HTML), empty when no model ran
   */
  static String note(List<ModelSummary> models, ForestStep.Result forest, long seed) {
    if (models.isEmpty()) {
      return "";
    }
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "Every model was tested on the same %d test "
        + "images; the interval is the 95%% Wilson score interval of the accuracy.", models.get(0).testRows()));
    if (forest != null) {
      ModelSummary f = forest.summary();
      ModelSummary most = models.stream().filter(m -> m != f)
          .max(java.util.Comparator.comparingInt(ModelSummary::trainingRows)).orElse(null);
      s.append(String.format(Locale.ROOT, " The %s saw %d training images sampled with seed %d", f.model(),
          f.trainingRows(), seed)).append(f.trainingRows() == R_FOREST_ROWS
          ? ", as the R walkthrough fits randomForest on 3000 sampled images"
          : " (the R walkthrough samples 3000)");
      if (most != null && most.trainingRows() > f.trainingRows()) {
        s.append(String.format(Locale.ROOT, ", while the %s saw %d: the rows differ, so the accuracies compare "
            + "the models as the walkthrough trains them, not on equal data (--forest-train-size %d gives the "
            + "forest as many)", most.model(), most.trainingRows(), most.trainingRows()));
      } else if (most != null) {
        s.append(String.format(Locale.ROOT, "; here the %s saw %d, so both saw as many training images",
            most.model(), most.trainingRows()));
      }
      s.append('.');
    }
    return s.toString();
  }

  static void print(StepContext ctx, List<ModelSummary> models, ForestStep.Result forest) {
    ctx.heading(8, "Comparison");
    if (models.isEmpty()) {
      ctx.say("no model ran (both were skipped)");
      return;
    }
    List<String[]> rows = rows(models);
    int[] w = new int[HEADER.length];
    for (int c = 0; c < HEADER.length; c++) {
      w[c] = HEADER[c].length();
      for (String[] r : rows) {
        w[c] = Math.max(w[c], r[c].length());
      }
    }
    ctx.say("%s", line(HEADER, w));
    for (String[] r : rows) {
      ctx.say("%s", line(r, w));
    }
    ctx.say("%s", note(models, forest, ctx.options.seed()));
  }

  private static String line(String[] cells, int[] w) {
    StringBuilder sb = new StringBuilder();
    for (int c = 0; c < cells.length; c++) {
      String pad = " ".repeat(w[c] - cells[c].length());
      sb.append(c == 0 ? cells[c] + pad : "  " + pad + cells[c]);
    }
    return sb.toString();
  }
}
