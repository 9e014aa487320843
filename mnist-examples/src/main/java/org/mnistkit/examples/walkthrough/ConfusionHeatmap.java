package org.mnistkit.examples.walkthrough;

import static org.mnistkit.examples.walkthrough.HtmlReport.esc;

import java.util.Locale;

/**
 * A confusion matrix as an HTML heat map: a {@code <table>} with coloured cells (it prints, reads
 * aloud and needs no library), predictions as rows and truth as columns as everywhere in
 * mnistkit. Two kinds: the counts, coloured on a log scale, and the shares of each true class
 * (each column sums to 1, so the diagonal is the recall).
 *
 * <p>Every cell of the counts table is a {@code td.cm-cell} with {@code data-model} (the model's
 * {@link TestPredictions#slug}), {@code data-pred} and {@code data-truth} (labels), {@code
 * data-count} and {@code data-digits}: up to {@link ModelDiagnostics#CELL_CAP} entries {@code
 * src|probability}, separated by spaces, that the page's script shows in {@code #cell-digits} on a
 * click. The shares table's cells are {@code td.cm-share} with the same three attributes.
 */
final class ConfusionHeatmap {

  /** The darkest colour of the scale, ColorBrewer's Blues 9 (#08306b); zero is white. */
  private static final int[] DARK = {8, 48, 107};

  private ConfusionHeatmap() {}

  /**
   * Appends the counts table and the shares table of one model.
   *
   * @param html where the HTML goes
   * @param d the model's diagnostics
   */
  static void write(StringBuilder html, ModelDiagnostics d) {
    TestPredictions p = d.predictions();
    long[][] counts = d.counts();
    int k = counts.length;
    long max = 1;
    long[] columnTotal = new long[k];
    for (int r = 0; r < k; r++) {
      for (int c = 0; c < k; c++) {
        max = Math.max(max, counts[r][c]);
        columnTotal[c] += counts[r][c];
      }
    }
    html.append("<div class=\"cm-pair\">\n");
    table(html, d, "counts", "Test confusion matrix of the " + p.model() + ", counts (rows: prediction, columns: "
        + "truth; colour on a log scale). Click a cell to see its digits.", columnTotal, max);
    table(html, d, "share", "The same, as the share of each true class (each column sums to 1; the diagonal is "
        + "the recall).", columnTotal, max);
    html.append("</div>\n");
  }

  private static void table(StringBuilder html, ModelDiagnostics d, String kind, String caption, long[] columnTotal,
      long max) {
    TestPredictions p = d.predictions();
    int k = columnTotal.length;
    boolean counts = kind.equals("counts");
    html.append("<figure class=\"cm-figure\"><table class=\"cm\" data-model=\"").append(p.slug())
        .append("\" data-kind=\"").append(kind).append("\">\n<caption>").append(esc(caption)).append("</caption>\n")
        .append("<thead><tr><th rowspan=\"2\" scope=\"col\">prediction</th><th colspan=\"").append(k)
        .append("\" scope=\"colgroup\">truth</th></tr>\n<tr>");
    for (int c = 0; c < k; c++) {
      html.append("<th scope=\"col\">").append(esc(p.name(d.label(c)))).append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    for (int r = 0; r < k; r++) {
      html.append("<tr><th scope=\"row\">").append(esc(p.name(d.label(r)))).append("</th>");
      for (int c = 0; c < k; c++) {
        long n = d.counts()[r][c];
        double share = columnTotal[c] == 0 ? 0 : (double) n / columnTotal[c];
        double t = counts ? Math.log1p(n) / Math.log1p(max) : share;
        html.append("<td class=\"").append(counts ? "cm-cell" : "cm-share").append("\" data-model=\"")
            .append(p.slug()).append("\" data-pred=\"").append(d.label(r)).append("\" data-truth=\"")
            .append(d.label(c)).append('"');
        if (counts) {
          html.append(" data-count=\"").append(n).append("\" data-digits=\"").append(digits(d, r, c)).append('"');
        }
        html.append(" title=\"").append(esc(title(d, r, c, n))).append("\" tabindex=\"0\" style=\"")
            .append(style(t)).append("\">").append(counts ? Long.toString(n) : shareText(share)).append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</tbody></table></figure>\n");
  }

  /** @return what a cell holds, as its tooltip and the title of its digits' panel */
  static String title(ModelDiagnostics d, int r, int c, long n) {
    TestPredictions p = d.predictions();
    return String.format(Locale.ROOT, "%s: predicted %s, truth %s: %d test image%s", p.model(),
        p.name(d.label(r)), p.name(d.label(c)), n, n == 1 ? "" : "s");
  }

  private static String digits(ModelDiagnostics d, int r, int c) {
    StringBuilder s = new StringBuilder();
    for (int row : d.cellRows()[r][c]) {
      if (s.length() > 0) {
        s.append(' ');
      }
      s.append(esc(DigitGallery.src(row))).append('|')
          .append(String.format(Locale.ROOT, "%.3f", d.predictions().probability()[row]));
    }
    return s.toString();
  }

  private static String shareText(double share) {
    return share == 0 ? "0" : String.format(Locale.ROOT, "%.3f", share);
  }

  /**
   * @param t the cell's position on the scale, in [0, 1]
   * @return a CSS background from white (0) to dark blue (1), with text that stays readable
   */
  static String style(double t) {
    double u = Math.max(0, Math.min(1, t));
    int[] rgb = new int[3];
    for (int i = 0; i < 3; i++) {
      rgb[i] = (int) Math.round(255 + (DARK[i] - 255) * u);
    }
    return String.format(Locale.ROOT, "background:#%02x%02x%02x;color:%s", rgb[0], rgb[1], rgb[2],
        u > 0.5 ? "#fff" : "#000");
  }
}
