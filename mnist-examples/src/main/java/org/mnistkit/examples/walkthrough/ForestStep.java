package org.mnistkit.examples.walkthrough;

import java.io.IOException;
import java.nio.file.Path;
import org.mnistkit.core.data.LabeledImages;
import org.mnistkit.eda.plot.ChartOptions;
import org.mnistkit.eda.plot.Heatmap;
import org.mnistkit.forest.RandomForest;
import org.mnistkit.forest.RandomForestModel;

/**
 * Step 7: a random forest with R randomForest's defaults (500 trees, mtry = 28, node size 1) on
 * 3000 training images sampled with the seed, importance on, as the walkthrough fits it through
 * tidymodels; its test confusion matrix in yardstick's layout, and the MeanDecreaseAccuracy
 * importance as a 28 x 28 heat map: which pixels the forest relies on.
 */
final class ForestStep {

  private ForestStep() {}

  /**
   * @param summary accuracy, F1, kappa and times
   * @param trees number of trees
   * @param mtry features tried per split
   * @param oobError out-of-bag error rate
   * @param importancePng the heat map of MeanDecreaseAccuracy
   */
  record Result(ModelSummary summary, int trees, int mtry, double oobError, String importancePng) {}

  static Result run(StepContext ctx) throws IOException {
    WalkthroughOptions.Sizes sizes = ctx.options.sizes();
    // with --train-size n, the forest samples from the first n images, as the other steps use only those
    LabeledImages pool = ctx.options.trainSize() == null ? ctx.data.train() : ctx.trainHead(ctx.options.trainSize());
    LabeledImages train = pool.sample(Math.min(sizes.forestTrainRows(), pool.size()), ctx.options.seed());
    ctx.heading(7, "Random forest (" + sizes.forestTrees() + " trees, " + train.size() + " sampled images)");
    long t0 = System.nanoTime();
    RandomForestModel model;
    try (ConsoleProgress progress = ctx.progress("forest", "trees")) {
      model = RandomForest.builder().trees(sizes.forestTrees()).seed(ctx.options.seed())
          .threads(ctx.options.threads()).importance(true).build().fit(train.toScaledMatrix(), train.labels(),
              progress);
    }
    ModelSummary summary = ctx.evaluate("random forest", model, StepContext.seconds(t0));
    ctx.say("fit %.2f s, predict %d images %.2f s; OOB error %.4f", summary.fitSeconds(), summary.testRows(),
        summary.predictSeconds(), model.oobError());
    ctx.say("test accuracy %.4f%n%n%s%n%s", summary.accuracy(), ModelSummary.CONFUSION_CAPTION,
        summary.confusionTable());
    Path png = ctx.file("forest-importance.png");
    int side = ctx.data.train().height();
    Heatmap.write(model.importance().meanDecreaseAccuracy(), side, ctx.data.train().width(),
        ChartOptions.builder().title("MeanDecreaseAccuracy per pixel").axisLabels("pixel column", "pixel row")
            .scale(StepContext.PLOT_SCALE).build(), png);
    ctx.say("importance heat map written to %s", png.getFileName());
    return new Result(summary, sizes.forestTrees(), model.mtry(), model.oobError(), png.getFileName().toString());
  }
}
