package org.mnistkit.examples.walkthrough;

import static org.mnistkit.examples.walkthrough.HtmlReport.esc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The report's diagnostics in HTML: for each model its confusion heat maps ({@link
 * ConfusionHeatmap}) and its most confident mistakes; in the comparison the per-class precision,
 * recall and F1 of every model side by side and the digits one model gets right and another
 * wrong. Every digit is an {@code <img>} in a {@code figure.digit} with its true and predicted
 * label and probability. {@link #panelAndScript} adds the {@code #cell-digits} panel and the plain
 * script (no library) that fills it when a confusion cell is clicked.
 */
final class DiagnosticsSection {

  /** The style of the heat maps, the galleries and the panel, for the report's head. */
  static final String CSS = "table.cm td{text-align:right;cursor:pointer;min-width:2.6em}"
      + "table.cm th[scope=colgroup]{text-align:center}figure.cm-figure{margin:0}"
      + "table.cm caption{caption-side:bottom;text-align:left;font-size:.9em;padding:.3em 0}"
      + "td.cm-selected{outline:3px solid #d95f02}.cm-pair{display:flex;flex-wrap:wrap;gap:1.5em}"
      + "figure.digit{display:inline-block;margin:.2em;text-align:center;font-size:.75em;vertical-align:top}"
      + "figure.digit img{display:block;margin:auto}#cell-digits{border:1px solid #ccc;padding:.5em;margin:.5em 0}";

  private DiagnosticsSection() {}

  /**
   * Appends one model's heat maps and its most confident mistakes.
   *
   * @param html where the HTML goes
   * @param d the model's diagnostics
   */
  static void model(StringBuilder html, ModelDiagnostics d) {
    ConfusionHeatmap.write(html, d);
    TestPredictions p = d.predictions();
    html.append("<h3>Most confident mistakes of the ").append(esc(p.model())).append("</h3>\n");
    html.append("<p>").append(String.format(Locale.ROOT, "%d of %d test images are misclassified; ", d.mistakes(),
        p.size())).append(d.mistakes() == 0 ? "none to show." : String.format(Locale.ROOT,
        "the %d the %s gave the highest probability to its wrong label:", d.confidentMistakes().length,
        esc(p.model()))).append("</p>\n");
    gallery(html, "mistakes", p.slug(), d.confidentMistakes(), List.of(p));
  }

  /**
   * Appends the per-class table of every model side by side.
   *
   * @param html where the HTML goes
   * @param models the models' summaries, in report order
   */
  static void perClass(StringBuilder html, List<ModelSummary> models) {
    if (models.isEmpty()) {
      return;
    }
    html.append("<table class=\"per-class\"><caption>Per-class precision, recall and F1 on the test images "
        + "(support: test images of the class; the higher F1 of a class in bold)</caption>\n<thead><tr>"
        + "<th rowspan=\"2\">class</th><th rowspan=\"2\">support</th>");
    for (ModelSummary m : models) {
      html.append("<th colspan=\"3\" scope=\"colgroup\">").append(esc(m.model())).append("</th>");
    }
    html.append("</tr>\n<tr>");
    for (int i = 0; i < models.size(); i++) {
      html.append("<th>precision</th><th>recall</th><th>F1</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    ModelSummary.PerClass first = models.get(0).perClass();
    for (int c = 0; c < first.classes().size(); c++) {
      final int k = c;
      double best = models.stream().mapToDouble(m -> m.perClass().f1()[k]).max().orElse(0);
      html.append("<tr><th scope=\"row\">").append(esc(first.classes().get(c))).append("</th><td>")
          .append(first.support()[c]).append("</td>");
      for (ModelSummary m : models) {
        double f1 = m.perClass().f1()[c];
        String f = Walkthrough.fmt(f1);
        html.append("<td>").append(Walkthrough.fmt(m.perClass().precision()[c])).append("</td><td>")
            .append(Walkthrough.fmt(m.perClass().recall()[c])).append("</td><td>")
            .append(models.size() > 1 && f1 == best ? "<b>" + f + "</b>" : f).append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</tbody></table>\n");
  }

  /**
   * Appends, for every ordered pair of models, the digits the first gets right and the second wrong.
   *
   * @param html where the HTML goes
   * @param pairs the disagreements
   */
  static void disagreements(StringBuilder html, List<ModelDiagnostics.Disagreement> pairs) {
    for (ModelDiagnostics.Disagreement d : pairs) {
      String right = d.right().model();
      String wrong = d.wrong().model();
      html.append("<h3>Right by the ").append(esc(right)).append(", wrong by the ").append(esc(wrong))
          .append("</h3>\n<p>").append(String.format(Locale.ROOT, "%d test image%s", d.count(),
              d.count() == 1 ? "" : "s")).append(d.count() == 0 ? "." : String.format(Locale.ROOT,
              "; the %d the %s was surest of:", d.rows().length, esc(wrong))).append("</p>\n");
      gallery(html, "disagreements", d.right().slug() + "-not-" + d.wrong().slug(), d.rows(),
          List.of(d.right(), d.wrong()));
    }
  }

  /**
   * Appends the (hidden) panel that shows a clicked cell's digits and the script that fills it.
   *
   * @param html where the HTML goes
   */
  static void panelAndScript(StringBuilder html) {
    html.append("<div id=\"cell-digits\" hidden aria-live=\"polite\"></div>\n<script>\n").append(script())
        .append("</script>\n");
  }

  /**
   * One digit per row: its picture, its true label and each model's label and probability.
   *
   * @param kind {@code mistakes} or {@code disagreements}, the gallery's class
   * @param id what the gallery is of, its {@code data-of} attribute
   */
  private static void gallery(StringBuilder html, String kind, String id, int[] rows, List<TestPredictions> models) {
    if (rows.length == 0) {
      return;
    }
    html.append("<div class=\"gallery ").append(kind).append("\" data-of=\"").append(esc(id)).append("\">\n");
    for (int row : rows) {
      TestPredictions first = models.get(0);
      StringBuilder said = new StringBuilder();
      StringBuilder caption = new StringBuilder("truth " + esc(first.name(first.truth()[row])));
      for (TestPredictions m : models) {
        String one = String.format(Locale.ROOT, "%s %s (p %.3f)", models.size() > 1 ? m.model() + ":" : "predicted",
            m.name(m.predicted()[row]), m.probability()[row]);
        said.append(", ").append(one);
        caption.append("<br>").append(esc(one));
      }
      html.append("<figure class=\"digit\" data-row=\"").append(row).append("\"><img src=\"")
          .append(esc(DigitGallery.src(row))).append("\" alt=\"").append(esc(String.format(Locale.ROOT,
              "test image %d: truth %s", row, first.name(first.truth()[row])) + said)).append("\"><figcaption>")
          .append(caption).append("</figcaption></figure>\n");
    }
    html.append("</div>\n");
  }

  private static String script() {
    try (InputStream in = DiagnosticsSection.class.getResourceAsStream("cell-digits.js")) {
      if (in == null) {
        throw new IllegalStateException("cell-digits.js is missing from the mnist-examples jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read cell-digits.js from the mnist-examples jar", e);
    }
  }
}
