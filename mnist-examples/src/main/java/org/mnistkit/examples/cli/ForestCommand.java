package org.mnistkit.examples.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mnistkit.core.data.LabeledImages;
import org.mnistkit.core.data.MnistDataset;
import org.mnistkit.core.io.AtomicFiles;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.examples.walkthrough.ModelSummary;
import org.mnistkit.forest.RandomForest;
import org.mnistkit.forest.RandomForestModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mnistkit forest}: a random forest with R randomForest's defaults, trained on a seeded
 * sample of the training images and tested on all test images.
 */
@Command(name = "forest", mixinStandardHelpOptions = true,
    description = "Train a random forest (randomForest's defaults) on sampled training images; test on all test images.")
public final class ForestCommand implements Callable<Integer>, OutUse {

  /** Which feature importance to compute. */
  public enum ImportanceKind {
    /** none beyond the always-available Gini decrease, not written */
    none,
    /** MeanDecreaseGini, written with --out */
    gini,
    /** MeanDecreaseAccuracy by permuting out-of-bag values (randomForest's importance = TRUE) */
    permutation
  }

  @Mixin CommonOptions common;
  @Mixin ModelFileOptions files;
  @Spec CommandSpec spec;

  @Option(names = "--train-size", paramLabel = "N", defaultValue = "3000",
      description = "Training images sampled with the seed, 2..60000. Default: ${DEFAULT-VALUE}.")
  int trainSize;

  @Option(names = "--trees", paramLabel = "N", defaultValue = "500", description = "Number of trees. Default: ${DEFAULT-VALUE}.")
  int trees;

  @Option(names = "--mtry", paramLabel = "N", description = "Features tried per split. Default: floor(sqrt(784)) = 28.")
  Integer mtry;

  @Option(names = "--node-size", paramLabel = "N", defaultValue = "1", description = "Minimum node size. Default: ${DEFAULT-VALUE}.")
  int nodeSize;

  @Option(names = "--importance", defaultValue = "none", paramLabel = "none|gini|permutation",
      description = "Importance to compute and write as a 28 x 28 CSV into --out. Default: ${DEFAULT-VALUE}.")
  ImportanceKind importance;

  /**
   * What {@code mnistkit forest --json} prints, followed by {@code peak_heap_mib} (see
   * {@link JsonOutput#printWithPeakHeap}).
   *
   * @param trainSize training rows
   * @param trees number of trees
   * @param mtry features tried per split
   * @param fitSeconds wall time of fit only
   * @param predictSeconds wall time to predict all test images
   * @param accuracy test accuracy in [0, 1]
   * @param oobError out-of-bag error rate in [0, 1]
   * @param confusionMatrix test counts, [predicted][truth]
   * @param oobConfusionMatrix out-of-bag counts, [predicted][truth]; null when no row was out of bag
   * @param importanceFile the 28 x 28 importance CSV written with --out, or null
   * @param modelFile the model saved with --save, or null
   * @param onnxFile the ONNX file written with --export-onnx, or null
   */
  public record Result(int trainSize, int trees, int mtry, double fitSeconds, double predictSeconds,
      double accuracy, double oobError, long[][] confusionMatrix, long[][] oobConfusionMatrix,
      String importanceFile, String modelFile,
      String onnxFile) {}

  /** The library's setting names for this command's options. */
  private static final Map<String, String> OPTIONS = Map.of("trees", "--trees", "mtry", "--mtry",
      "nodeSize", "--node-size");

  @Override
  public String whyNoOut() {
    return importance != ImportanceKind.none ? null : "it writes only the --importance file there; give "
        + "--importance gini or permutation, or save the model with --save FILE or --export-onnx FILE";
  }

  @Override
  public Integer call() throws Exception {
    files.check();
    MnistDataset data = common.loadWithTestLabels("forest");
    LabeledImages train = data.train().sample(CommonOptions.trainSize(trainSize, 2, data), common.seed());
    FloatMatrix x = train.toScaledMatrix();
    long t0 = System.nanoTime();
    RandomForestModel model = CommonOptions.namingOptions(OPTIONS, () -> {
      RandomForest.Builder b = RandomForest.builder().trees(trees).nodeSize(nodeSize).seed(common.seed())
          .threads(common.threads()).importance(importance == ImportanceKind.permutation);
      if (mtry != null) {
        b.mtry(mtry);
      }
      return b.build().fit(x, train.labels());
    });
    double fitSeconds = (System.nanoTime() - t0) / 1e9;
    ModelSummary test = ModelSummary.evaluate("random forest", model, data.test().toScaledMatrix(),
        data.test().labels(), data.classNames(), fitSeconds, common.threads());
    String importanceFile = importance == ImportanceKind.none ? null : writeImportance(model);
    String[] written = files.write(model, common);
    Result r = new Result(train.size(), trees, model.mtry(), test.fitSeconds(), test.predictSeconds(),
        test.accuracy(), model.oobError(), test.confusionMatrix(),
        Double.isNaN(model.oobError()) ? null : ModelSummary.counts(model.oobConfusionMatrix()), importanceFile,
        written[0], written[1]);
    PrintWriter out = spec.commandLine().getOut();
    if (common.json()) {
      JsonOutput.printWithPeakHeap(r, out);
    } else {
      out.println(model);
      out.printf(Locale.ROOT, "test accuracy %.4f on %d images; fit %.2f s, predict %.2f s%n%n", r.accuracy(),
          data.test().size(), r.fitSeconds(), r.predictSeconds());
      out.println(ModelSummary.CONFUSION_CAPTION);
      out.print(test.confusionTable());
      if (importanceFile != null) {
        out.println("importance written to " + importanceFile);
      }
    }
    out.flush();
    return 0;
  }

  private String writeImportance(RandomForestModel model) throws java.io.IOException {
    double[] values = importance == ImportanceKind.gini ? model.importance().meanDecreaseGini()
        : model.importance().meanDecreaseAccuracy();
    Path file = common.out().resolve("forest-importance-" + importance + ".csv");
    StringBuilder sb = new StringBuilder();
    int side = (int) Math.round(Math.sqrt(values.length));
    for (int i = 0; i < values.length; i++) {
      sb.append(String.format(Locale.ROOT, "%.6g", values[i])).append((i + 1) % side == 0 ? "\n" : ",");
    }
    AtomicFiles.write(file, o -> o.write(sb.toString().getBytes(StandardCharsets.UTF_8)));
    return file.toAbsolutePath().toString();
  }
}
