package org.mnistkit.examples.walkthrough;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.mnistkit.core.data.MnistDataset;
import org.mnistkit.core.model.Provenance;
import org.mnistkit.core.tensor.FloatMatrix;

/**
 * The walkthrough end to end: every step of the R original, in order, on real MNIST (or
 * Fashion-MNIST), printing what R prints and leaving an HTML report with the pictures.
 *
 * <ol>
 *   <li>{@link LoadStep}: load, shapes, the fifth training image, reshape and scale (steps 1-3);</li>
 *   <li>{@link SvdStep}: truncated SVD with 30 components, PC1 against PC2 (step 4);</li>
 *   <li>{@link UmapStep}: UMAP with uwot's parameters (step 5);</li>
 *   <li>{@link NetworkStep}: the dense network 784-512-10, 5 epochs (step 6);</li>
 *   <li>{@link ForestStep}: the random forest on 3000 sampled images (step 7);</li>
 *   <li>{@link Comparison}: forest against network (step 8), and {@link HtmlReport}.</li>
 * </ol>
 *
 * <pre>{@code
 * WalkthroughResult r = Walkthrough.run(options, new PrintWriter(System.err, true));
 * }</pre>
 */
public final class Walkthrough {

  private Walkthrough() {}

  /**
   * Runs every step that options do not skip, as called from Java (no command line to record).
   *
   * @param options sizes, seed, threads, report folder
   * @param console where the steps print their progress and numbers
   * @return every number of the run
   * @throws IOException when the data cannot be loaded or the report not written
   */
  public static WalkthroughResult run(WalkthroughOptions options, PrintWriter console) throws IOException {
    return run(options, console, List.of());
  }

  /**
   * Runs every step that options do not skip. Before it starts, the files an earlier run listed in
   * the report folder's {@code .mnistkit-report-files} are deleted (only those; see
   * {@link ReportFiles}).
   *
   * @param options sizes, seed, threads, report folder
   * @param console where the steps print their progress and numbers
   * @param commandLine the command line as given, such as {@code [mnistkit, walkthrough, --quick]},
   *     shown in the report's header; empty when not called from a command line
   * @return every number of the run
   * @throws IOException when the data cannot be loaded or the report not written
   */
  public static WalkthroughResult run(WalkthroughOptions options, PrintWriter console, List<String> commandLine)
      throws IOException {
    long start = System.nanoTime();
    String started = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
    ReportFiles files = ReportFiles.open(options.out());
    StepTimes times = new StepTimes();
    long t0 = System.nanoTime();
    MnistDataset data = LoadStep.load(options);
    FloatMatrix trainX = data.train().toScaledMatrix();
    FloatMatrix testX = data.test().toScaledMatrix();
    StepContext ctx = new StepContext(options, data, trainX, testX, console, files);
    if (!files.removed().isEmpty()) {
      ctx.say("removed %d file(s) of an earlier run from %s", files.removed().size(), files.folder());
    }
    LoadStep.Result load = LoadStep.report(ctx, StepContext.seconds(t0));
    times.add("load", StepContext.seconds(t0));
    SvdStep.Result svd = times.time("SVD", () -> SvdStep.run(ctx));
    UmapStep.Result umap = options.runs(WalkthroughOptions.Step.UMAP) ? times.time("UMAP", () -> UmapStep.run(ctx))
        : null;
    NetworkStep.Result network = options.runs(WalkthroughOptions.Step.NN)
        ? times.time("network", () -> NetworkStep.run(ctx)) : null;
    ForestStep.Result forest = options.runs(WalkthroughOptions.Step.FOREST)
        ? times.time("forest", () -> ForestStep.run(ctx)) : null;
    long reportStart = System.nanoTime();
    List<ModelSummary> models = new ArrayList<>();
    if (network != null) {
      models.add(network.summary());
    }
    if (forest != null) {
      models.add(forest.summary());
    }
    Comparison.print(ctx, models, forest);
    Diagnostics diagnostics = Diagnostics.write(ctx.predictions, ctx.testXHead(), data.test().height(),
        data.test().width(), files);
    if (!models.isEmpty()) {
      ctx.say("diagnostics: %d test digits drawn into %s/ for the report", diagnostics.digitsWritten(),
          DigitGallery.FOLDER);
    }
    Path index = files.folder().resolve(HtmlReport.INDEX);
    WalkthroughResult.Run run = new WalkthroughResult.Run(Provenance.libraryVersion(), commandLine, started,
        data.source(), checksums(data));
    WalkthroughResult partial = new WalkthroughResult(settings(options, data), run,
        WalkthroughResult.Machine.current(), load, svd, umap, network, forest, models, times.list(),
        index.toString(), files.names(), StepContext.seconds(start));
    // the report's own time runs to the moment its timing table is drawn, after its body
    HtmlReport.write(partial, diagnostics, () -> {
      times.add("report", StepContext.seconds(reportStart));
      return times.list();
    }, files);
    WalkthroughResult r = new WalkthroughResult(partial.settings(), run, partial.machine(), load, svd, umap, network,
        forest, models, times.list(), partial.report(), files.names(), StepContext.seconds(start));
    ctx.say("%nreport written to %s; total %.1f s", r.report(), r.totalSeconds());
    ctx.say("time per step: %s", String.join(", ", r.timings().stream()
        .map(t -> String.format(Locale.ROOT, "%s %.1f s", t.step(), t.seconds())).toList()));
    return r;
  }

  /** @return the SHA-256 of both splits' files, by file name, where the data carries them */
  static Map<String, String> checksums(MnistDataset data) {
    Map<String, String> sha = new TreeMap<>();
    data.train().origin().ifPresent(o -> sha.putAll(o.sha256()));
    data.test().origin().ifPresent(o -> sha.putAll(o.sha256()));
    return sha;
  }

  private static WalkthroughResult.Settings settings(WalkthroughOptions o, MnistDataset data) {
    return new WalkthroughResult.Settings(data.name(), o.seed(), o.threads(), o.quick(), o.sizes());
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
