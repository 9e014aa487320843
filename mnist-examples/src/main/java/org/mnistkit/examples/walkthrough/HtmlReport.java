package org.mnistkit.examples.walkthrough;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.mnistkit.core.io.AtomicFiles;

/**
 * Writes the walkthrough's {@code index.html}: one section per step with the same numbers and
 * pictures the console shows, the settings, the machine and the total run time. Self-contained:
 * the PNGs lie next to it and are referenced by relative paths, as are the interactive views of
 * steps 4 and 5 ({@link EmbeddingView}).
 */
final class HtmlReport {

  private final StringBuilder html = new StringBuilder();

  private HtmlReport() {}

  static void write(WalkthroughResult r, Path file) throws IOException {
    HtmlReport h = new HtmlReport();
    h.document(r);
    AtomicFiles.write(file, out -> out.write(h.html.toString().getBytes(StandardCharsets.UTF_8)));
  }

  private void document(WalkthroughResult r) {
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>mnistkit walkthrough: ").append(esc(r.settings().dataset())).append("</title>")
        .append("<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.4}")
        .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .6em;text-align:right}")
        .append("th:first-child,td:first-child{text-align:left}img{max-width:100%;border:1px solid #eee}")
        .append("pre{background:#f6f6f6;padding:.5em}</style></head><body>\n");
    html.append("<h1>mnistkit walkthrough: ").append(esc(r.settings().dataset())).append("</h1>\n");
    html.append("<p>Run on ").append(esc(ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME)))
        .append(" in ").append(seconds(r.totalSeconds())).append(".</p>\n");
    table(List.of(new String[] {"setting", "value"}, new String[] {"dataset", r.settings().dataset()},
        new String[] {"source", r.load().source()},
        new String[] {"seed", Long.toString(r.settings().seed())},
        new String[] {"threads", Integer.toString(r.settings().threads())},
        new String[] {"quick", Boolean.toString(r.settings().quick())},
        new String[] {"cores", Integer.toString(r.machine().cores())},
        new String[] {"Java", r.machine().javaVersion()}, new String[] {"OS", r.machine().os()},
        new String[] {"max heap", r.machine().maxHeapMib() + " MiB"}));

    LoadStep.Result l = r.load();
    section("1-3. Load, look, reshape", l.seconds());
    para("Train images " + dims(l.trainShape()) + ", test images " + dims(l.testShape()) + ", one-hot labels "
        + dims(l.oneHotShape()) + ", from " + l.source() + ". The scaled matrix is " + dims(l.matrixShape())
        + " with values in [0, 1].");
    image(l.digitPng(), "The fifth training image, labelled " + l.fifthLabel());

    SvdStep.Result s = r.svd();
    section("4. Truncated SVD (irlba, nv = " + s.components() + ")", s.seconds());
    para(String.format(Locale.ROOT, "%d rows; %d restarts, %d matrix-vector products. kNN-15 purity of the "
        + "first two singular coordinates (U times d; uncentred, so not principal components): <b>%s</b>.", s.n(), s.iterations(), s.matvecs(), Walkthrough.fmt(s.knn15Purity())));
    para("Singular values: " + esc(Arrays.toString(Arrays.stream(s.singularValues())
        .map(v -> Math.round(v * 100) / 100.0).toArray())));
    image(s.scatterPng(), "first two singular coordinates, coloured by label");
    html.append(EmbeddingView.figure("svd", "the first two singular coordinates of all " + s.n() + " rows"));

    UmapStep.Result u = r.umap();
    if (u != null) {
      section("5. UMAP (n_neighbors 15, min_dist 0.001, pca 50)", u.seconds());
      para(String.format(Locale.ROOT, "%d images; kNN-15 purity <b>%s</b>, trustworthiness %s.", u.n(),
          Walkthrough.fmt(u.knn15Purity()), Walkthrough.fmt(u.trustworthiness())));
      para(String.format(Locale.ROOT, "%d test images placed into the embedding by <code>transform</code> "
          + "(uwot's <code>umap_transform</code>) in %.1f s: the 15 nearest training points vote for the true "
          + "label of %s of them.", u.placedTestRows(), u.transformSeconds(), Walkthrough.fmt(u.placedKnn15Accuracy())));
      image(u.png(), "UMAP embedding, coloured by label");
      html.append(EmbeddingView.figure("umap", "the UMAP embedding of all " + u.n() + " images"));
    }

    NetworkStep.Result nn = r.network();
    if (nn != null) {
      section("6. Dense network", nn.summary().fitSeconds());
      html.append("<pre>").append(esc(nn.modelSummary())).append("</pre>\n");
      para(String.format(Locale.ROOT, "%d epochs, batch size %d, %d training images; fit %.1f s. Test loss %s, "
          + "test accuracy <b>%s</b> on %d images.", nn.epochs(), nn.batchSize(), nn.summary().trainingRows(),
          nn.summary().fitSeconds(), Walkthrough.fmt(nn.testLoss()), Walkthrough.fmt(nn.summary().accuracy()),
          nn.summary().testRows()));
      image(nn.historyPng(), "Loss and accuracy per epoch");
      model(nn.summary());
    }

    ForestStep.Result f = r.forest();
    if (f != null) {
      section("7. Random forest", f.summary().fitSeconds() + f.summary().predictSeconds());
      para(String.format(Locale.ROOT, "%d trees, mtry %d, %d sampled training images; OOB error %s; test "
          + "accuracy <b>%s</b> on %d images; fit %.2f s, predict %.2f s.", f.trees(), f.mtry(),
          f.summary().trainingRows(), Walkthrough.fmt(f.oobError()), Walkthrough.fmt(f.summary().accuracy()),
          f.summary().testRows(), f.summary().fitSeconds(), f.summary().predictSeconds()));
      image(f.importancePng(), "MeanDecreaseAccuracy of each pixel");
      model(f.summary());
    }

    section("8. Comparison", -1);
    if (r.comparison().isEmpty()) {
      para("No model ran.");
    } else {
      List<String[]> rows = new java.util.ArrayList<>();
      rows.add(Comparison.HEADER);
      rows.addAll(Comparison.rows(r.comparison()));
      table(rows);
    }
    html.append(EmbeddingView.scripts()).append("</body></html>\n");
  }

  /** The parts every classifier has: its test confusion matrix and its provenance. */
  private void model(ModelSummary m) {
    para("Test confusion matrix (predictions as rows, truth as columns):");
    html.append("<pre>").append(esc(m.confusionTable())).append("</pre>\n");
    para("Provenance, as saved with the model:");
    html.append("<pre class=\"provenance\">").append(esc(m.provenance())).append("</pre>\n");
  }

  private void section(String title, double seconds) {
    html.append("<h2>").append(esc(title)).append("</h2>\n");
    if (seconds >= 0) {
      html.append("<p><i>").append(seconds(seconds)).append("</i></p>\n");
    }
  }

  private void para(String trustedHtml) {
    html.append("<p>").append(trustedHtml).append("</p>\n");
  }

  private void image(String file, String caption) {
    html.append("<figure><img src=\"").append(esc(file)).append("\" alt=\"").append(esc(caption))
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
