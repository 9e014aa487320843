package org.mnistkit.examples.walkthrough;

import java.util.List;

/** Step 8: the models side by side, as a table on the console and in the report. */
final class Comparison {

  static final String[] HEADER = {"model", "accuracy", "macro F1", "kappa", "fit s", "predict s", "training rows",
      "test rows"};

  private Comparison() {}

  /** @return one row of cells per model, formatted like the console table */
  static List<String[]> rows(List<ModelSummary> models) {
    return models.stream().map(m -> new String[] {m.model(), Walkthrough.fmt(m.accuracy()),
        Walkthrough.fmt(m.macroF1()), Walkthrough.fmt(m.kappa()), String.format(java.util.Locale.ROOT, "%.2f",
        m.fitSeconds()), String.format(java.util.Locale.ROOT, "%.2f", m.predictSeconds()),
        Integer.toString(m.trainingRows()), Integer.toString(m.testRows())}).toList();
  }

  static void print(StepContext ctx, List<ModelSummary> models) {
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
