package org.mnistkit.examples.walkthrough;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mnistkit.core.data.MnistDataset;
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
   * Runs every step that options do not skip.
   *
   * @param options sizes, seed, threads, report folder
   * @param console where the steps print their progress and numbers
   * @return every number of the run
   * @throws IOException when the data cannot be loaded or the report not written
   */
  public static WalkthroughResult run(WalkthroughOptions options, PrintWriter console) throws IOException {
    long start = System.nanoTime();
    Files.createDirectories(options.out());
    MnistDataset data = LoadStep.load(options);
    FloatMatrix trainX = data.train().toScaledMatrix();
    FloatMatrix testX = data.test().toScaledMatrix();
    StepContext ctx = new StepContext(options, data, trainX, testX, console);
    LoadStep.Result load = LoadStep.report(ctx, StepContext.seconds(start));
    SvdStep.Result svd = SvdStep.run(ctx);
    UmapStep.Result umap = options.runs(WalkthroughOptions.Step.UMAP) ? UmapStep.run(ctx) : null;
    NetworkStep.Result network = options.runs(WalkthroughOptions.Step.NN) ? NetworkStep.run(ctx) : null;
    ForestStep.Result forest = options.runs(WalkthroughOptions.Step.FOREST) ? ForestStep.run(ctx) : null;
    List<ModelSummary> models = new ArrayList<>();
    if (network != null) {
      models.add(network.summary());
    }
    if (forest != null) {
      models.add(forest.summary());
    }
    Comparison.print(ctx, models, forest);
    Diagnostics diagnostics = Diagnostics.write(ctx.predictions, ctx.testXHead(), data.test().height(),
        data.test().width(), options.out());
    if (!models.isEmpty()) {
      ctx.say("diagnostics: %d test digits drawn into %s/ for the report", diagnostics.digitsWritten(),
          DigitGallery.FOLDER);
    }
    WalkthroughResult partial = new WalkthroughResult(settings(options, data), WalkthroughResult.Machine.current(), load,
        svd, umap, network, forest, models, options.out().resolve("index.html").toAbsolutePath().toString(),
        StepContext.seconds(start));
    HtmlReport.write(partial, diagnostics, options.out().resolve("index.html"));
    ctx.say("%nreport written to %s; total %.1f s", partial.report(), partial.totalSeconds());
    return partial;
  }

  private static WalkthroughResult.Settings settings(WalkthroughOptions o, MnistDataset data) {
    return new WalkthroughResult.Settings(data.name(), o.seed(), o.threads(), o.quick(), o.sizes());
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
