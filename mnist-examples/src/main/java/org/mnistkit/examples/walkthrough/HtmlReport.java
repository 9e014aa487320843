package org.mnistkit.examples.walkthrough;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.mnistkit.core.io.AtomicFiles;

/**
 * Writes the walkthrough's {@code index.html}: one section per step with the same numbers and
 * pictures the console shows, headed by the run's provenance (mnistkit version, command line, CPU,
 * Java, the data's source and SHA-256 checksums, settings) and a table of each step's wall time.
 * Self-contained: the PNGs lie next to it and are referenced by relative paths, as are the
 * interactive views of steps 4 and 5 ({@link EmbeddingView}).
 */
final class HtmlReport {

  /** What kNN-15 purity measures, next to its numbers. */
  static final String KNN_PURITY = "<i>kNN-15 purity</i>: the share of each point's 15 nearest neighbours in the "
      + "2-d plot that carry its label, averaged over the points (1 = every neighbourhood one digit; 0.1 = chance "
      + "for 10 balanced classes).";
  /** What trustworthiness measures (one %d: the sample size). */
  static final String TRUSTWORTHINESS = "<i>Trustworthiness</i> (Venna &amp; Kaski 2001): how far the 15 "
      + "nearest neighbours in the plot are also near in the original pixel space, penalising each intruder "
      + "by its rank there; 1 = no intruders (computed on %d sampled points).";
  /** What the forest's importance map shows. */
  static final String MEAN_DECREASE_ACCURACY = "<i>MeanDecreaseAccuracy</i> (Breiman 2001; randomForest's "
      + "<code>importance(type = 1)</code>): how much each tree's out-of-bag accuracy drops when the pixel's "
      + "values are permuted, averaged over the trees and divided by its standard error; 0 (white) = the forest "
      + "does not use the pixel, red = it relies on it, blue = permuting it helped by chance.";

  /** The report page's name in the report folder. */
  static final String INDEX = "index.html";

  /**
   * The page's style: the base layout, the diagnostics' heat maps and galleries ({@link
   * DiagnosticsSection#CSS}), and the printed page, which shows the PNGs, not the interactive views
   * (a canvas prints as one screen's bitmap, and its hover and legend do nothing on paper), and keeps
   * a figure, a table row or a digit on one page.
   */
  static final String STYLE = "body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.4}"
      + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .6em;text-align:right;"
      + "white-space:nowrap}th:first-child,td:first-child{text-align:left}"
      + "img{max-width:100%;height:auto;border:1px solid #eee}pre{background:#f6f6f6;padding:.5em;overflow-x:auto}"
      + "pre.provenance{white-space:pre-wrap;overflow-wrap:anywhere}code.sha{font-size:.85em}"
      + "table.provenance td{text-align:left;white-space:normal}"
      + DiagnosticsSection.CSS
      + "@media print{body{max-width:none;margin:0;font-size:10pt}.embedding-figure,#cell-digits{display:none}"
      + "figure,tr,pre{break-inside:avoid}h2,h3{break-after:avoid}}";

  /** Layout width of the plots (their PNGs have {@link StepContext#PLOT_SCALE} times as many pixels). */
  private static final int IMAGE_WIDTH = 800;

  private final StringBuilder html = new StringBuilder();
  private final Diagnostics diagnostics;

  private HtmlReport(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /**
   * Writes the report.
   *
   * @param r every number of the run
   * @param diagnostics every classifier's diagnostics, drawn in its section and in step 8
   * @param timings the step times, asked for once the report's body is drawn, so that the report's
   *     own time is in its table
   * @param files the run's report files: index.html, and any file the page needs beside it, is
   *     named through {@link ReportFiles#file} so that the next run removes it first
   * @throws IOException when a file cannot be written
   */
  static void write(WalkthroughResult r, Diagnostics diagnostics, Supplier<List<WalkthroughResult.StepTime>> timings,
      ReportFiles files)
      throws IOException {
    Path file = files.file(INDEX);
    HtmlReport h = new HtmlReport(diagnostics);
    h.body(r);
    String body = h.html.toString();
    h.html.setLength(0);
    h.head(r);
    h.header(r, timings.get());
    h.html.append(body).append("</body></html>\n");
    AtomicFiles.write(file, out -> out.write(h.html.toString().getBytes(StandardCharsets.UTF_8)));
  }

  private void head(WalkthroughResult r) {
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\">")
        .append("<title>mnistkit walkthrough: ").append(esc(r.settings().dataset())).append("</title>")
        .append("<style>").append(STYLE).append("</style></head><body>\n");
  }

  /** Title, provenance (version, command line, machine, data and checksums), settings and step times. */
  private void header(WalkthroughResult r, List<WalkthroughResult.StepTime> timings) {
    WalkthroughResult.Run run = r.run();
    WalkthroughResult.Machine m = r.machine();
    html.append("<h1>mnistkit walkthrough: ").append(esc(r.settings().dataset())).append("</h1>\n");
    html.append("<p>Run on ").append(esc(run.started())).append(" in ").append(seconds(r.totalSeconds()))
        .append(".</p>\n");
    html.append("<table class=\"provenance\">\n");
    row("mnistkit", esc(run.mnistkitVersion()));
    row("command line", run.commandLine().isEmpty() ? "<i>called from Java</i>"
        : "<code>" + esc(commandLine(run.commandLine())) + "</code>");
    row("CPU", esc(m.cpuModel()) + ", " + m.cores() + (m.cores() == 1 ? " core" : " cores") + " available");
    row("Java", esc(m.javaVersion()) + ", max heap " + m.maxHeapMib() + " MiB");
    row("OS", esc(m.os()));
    row("dataset", esc(r.settings().dataset()) + " from " + esc(run.dataSource()));
    if (run.dataSha256().isEmpty()) {
      row("SHA-256", "<i>not recorded: the files were not checked against published checksums</i>");
    } else {
      run.dataSha256().forEach((f, sha) -> row("SHA-256 " + esc(f), "<code class=\"sha\">" + esc(sha) + "</code>"));
    }
    row("settings", String.format(Locale.ROOT, "seed %d, %d threads%s", r.settings().seed(), r.settings().threads(),
        r.settings().quick() ? ", quick" : ""));
    html.append("</table>\n");
    html.append("<h2>Time per step</h2>\n");
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"step", "wall time (s)"});
    double sum = 0;
    for (WalkthroughResult.StepTime t : timings) {
      rows.add(new String[] {t.step(), String.format(Locale.ROOT, "%.2f", t.seconds())});
      sum += t.seconds();
    }
    rows.add(new String[] {"total of the steps", String.format(Locale.ROOT, "%.2f", sum)});
    table(rows);
  }

  /** @return the arguments joined by spaces, each with a space or shell character in single quotes */
  static String commandLine(List<String> args) {
    List<String> quoted = new ArrayList<>();
    for (String a : args) {
      quoted.add(a.isEmpty() || !a.matches("[A-Za-z0-9_@%+=:,./-]+") ? "'" + a.replace("'", "'\\''") + "'" : a);
    }
    return String.join(" ", quoted);
  }

  private void row(String name, String trustedHtml) {
    html.append("<tr><th>").append(esc(name)).append("</th><td>").append(trustedHtml).append("</td></tr>\n");
  }

  private void body(WalkthroughResult r) {
    LoadStep.Result l = r.load();
    section("1-3. Load, look, reshape", "loaded in", l.seconds());
    para("Train images " + dims(l.trainShape()) + ", test images " + dims(l.testShape()) + ", one-hot labels "
        + dims(l.oneHotShape()) + ", from " + l.source() + ". The scaled matrix is " + dims(l.matrixShape())
        + " with values in [0, 1].");
    html.append("<figure><img src=\"").append(esc(l.digitPng())).append("\" alt=\"the fifth training image\">")
        .append("<figcaption>The fifth training image, labelled ").append(l.fifthLabel())
        .append("</figcaption></figure>\n");

    SvdStep.Result s = r.svd();
    section("4. Truncated SVD (irlba, nv = " + s.components() + ")", "SVD computed in", s.seconds());
    para(String.format(Locale.ROOT, "%d rows; %d restarts, %d matrix-vector products. kNN-15 purity of the "
        + "first two singular coordinates (U times d; uncentred, so not principal components): <b>%s</b>.", s.n(),
        s.iterations(), s.matvecs(), Walkthrough.fmt(s.knn15Purity())));
    para(KNN_PURITY);
    image(s.scatterPng(), "first two singular coordinates, coloured by label");
    html.append(EmbeddingView.figure("svd", "the first two singular coordinates of all " + s.n() + " rows"));
    double captured = Arrays.stream(s.explainedShare()).sum();
    para(String.format(Locale.ROOT, "The %d singular values explain %.1f%% of the sum of squares of the matrix "
        + "(||X||<sub>F</sub><sup>2</sup> = %.1f; component i explains d<sub>i</sub><sup>2</sup> / "
        + "||X||<sub>F</sub><sup>2</sup>); the first, %.1f%%, mostly measures the mean image, as the columns "
        + "are not centred.", s.components(), 100 * captured, s.totalSumOfSquares(), 100 * s.explainedShare()[0]));
    image(s.screePng(), "Scree plot: singular values, and the share of the sum of squares each explains");

    UmapStep.Result u = r.umap();
    if (u != null) {
      section("5. UMAP (n_neighbors 15, min_dist 0.001, pca 50)", "embedding fitted in", u.seconds());
      para(String.format(Locale.ROOT, "%d images; kNN-15 purity <b>%s</b>, trustworthiness %s.", u.n(),
          Walkthrough.fmt(u.knn15Purity()), Walkthrough.fmt(u.trustworthiness())));
      para(KNN_PURITY + " " + String.format(Locale.ROOT, TRUSTWORTHINESS, UmapStep.TRUST_SAMPLE));
      para(String.format(Locale.ROOT, "%d test images placed into the embedding by <code>transform</code> "
          + "(uwot's <code>umap_transform</code>) in %.1f s: the 15 nearest training points vote for the true "
          + "label of %s of them.", u.placedTestRows(), u.transformSeconds(), Walkthrough.fmt(u.placedKnn15Accuracy())));
      image(u.png(), "UMAP embedding, coloured by label");
      html.append(EmbeddingView.figure("umap", "the UMAP embedding of all " + u.n() + " images"));
    }

    NetworkStep.Result nn = r.network();
    if (nn != null) {
      section("6. Dense network", "fitted in", nn.summary().fitSeconds());
      html.append("<pre>").append(esc(nn.modelSummary())).append("</pre>\n");
      para(String.format(Locale.ROOT, "%d %s, batch size %d, %d training images; fit %.1f s. Test loss %s, "
          + "test accuracy <b>%s</b> on %d images.", nn.epochs(), nn.epochs() == 1 ? "epoch" : "epochs", nn.batchSize(),
          nn.summary().trainingRows(),
          nn.summary().fitSeconds(), Walkthrough.fmt(nn.testLoss()), Walkthrough.fmt(nn.summary().accuracy()),
          nn.summary().testRows()));
      image(nn.historyPng(), "Loss and accuracy per epoch");
      model(nn.summary());
    }

    ForestStep.Result f = r.forest();
    if (f != null) {
      section("7. Random forest", "fitted and tested in", f.summary().fitSeconds() + f.summary().predictSeconds());
      para(String.format(Locale.ROOT, "%d trees, mtry %d, %d sampled training images; OOB error %s; test "
          + "accuracy <b>%s</b> on %d images; fit %.2f s, predict %.2f s.", f.trees(), f.mtry(),
          f.summary().trainingRows(), Walkthrough.fmt(f.oobError()), Walkthrough.fmt(f.summary().accuracy()),
          f.summary().testRows(), f.summary().fitSeconds(), f.summary().predictSeconds()));
      para(MEAN_DECREASE_ACCURACY);
      image(f.importancePng(), "MeanDecreaseAccuracy of each pixel");
      model(f.summary());
    }

    section("8. Comparison", null, -1);
    if (r.comparison().isEmpty()) {
      para("No model ran.");
    } else {
      List<String[]> rows = new java.util.ArrayList<>();
      rows.add(Comparison.HEADER);
      rows.addAll(Comparison.rows(r.comparison()));
      table(rows);
      para(esc(Comparison.note(r.comparison(), r.forest(), r.settings().seed())));
      DiagnosticsSection.perClass(html, r.comparison());
      DiagnosticsSection.disagreements(html, diagnostics.disagreements());
    }
    DiagnosticsSection.panelAndScript(html);
    html.append(EmbeddingView.scripts());
  }

  /**
   * The parts every classifier has, through the shared contract only: its test confusion heat
   * maps, its most confident mistakes and its provenance.
   */
  private void model(ModelSummary m) {
    ModelDiagnostics d = diagnostics.of(m.model());
    if (d != null) {
      DiagnosticsSection.model(html, d);
    } else {
      para("Test confusion matrix (predictions as rows, truth as columns):");
      html.append("<pre>").append(esc(m.confusionTable())).append("</pre>\n");
    }
    para("Provenance, as saved with the model:");
    html.append("<pre class=\"provenance\">").append(esc(m.provenance())).append("</pre>\n");
  }

  /**
   * A step's heading and what its time measures: the computation alone, while the table of step
   * times at the top holds the whole step, with its metrics, plots and files.
   *
   * @param title the heading
   * @param timed what was timed, such as {@code SVD computed in}, or null for no time
   * @param seconds its wall time in seconds (ignored when timed is null)
   */
  private void section(String title, String timed, double seconds) {
    html.append("<h2>").append(esc(title)).append("</h2>\n");
    if (timed != null) {
      html.append("<p><i>").append(esc(timed)).append(' ').append(seconds(seconds))
          .append(" (the whole step, with its metrics and plots: see Time per step)</i></p>\n");
    }
  }

  private void para(String trustedHtml) {
    html.append("<p>").append(trustedHtml).append("</p>\n");
  }

  /** A plot, shown at its layout width (its PNG has twice the pixels, for high-DPI screens). */
  private void image(String file, String caption) {
    html.append("<figure><img src=\"").append(esc(file)).append("\" width=\"").append(IMAGE_WIDTH)
        .append("\" alt=\"").append(esc(caption))
        .append("\"><figcaption>").append(esc(caption)).append("</figcaption></figure>\n");
  }

  private void table(List<String[]> rows) {
    html.append("<table>\n");
    for (int i = 0; i < rows.size(); i++) {
      String cell = i == 0 ? "th" : "td";
      html.append("<tr>");
      for (String c : rows.get(i)) {
        html.append('<').append(cell).append('>').append(esc(c)).append("</").append(cell).append('>');
      }
      html.append("</tr>\n");
    }
    html.append("</table>\n");
  }

  private static String seconds(double s) {
    return String.format(Locale.ROOT, "%.1f s", s);
  }

  private static String dims(int[] shape) {
    return String.join(" x ", Arrays.stream(shape).mapToObj(Integer::toString).toList());
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
