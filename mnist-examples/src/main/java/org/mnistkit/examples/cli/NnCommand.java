package org.mnistkit.examples.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mnistkit.core.data.LabeledImages;
import org.mnistkit.core.data.MnistDataset;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.examples.walkthrough.ModelSummary;
import org.mnistkit.examples.walkthrough.NetworkStep;
import org.mnistkit.nn.Sequential;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mnistkit nn}: the walkthrough's dense network (or a small convnet) trained on the first n
 * training images and tested on all test images.
 */
@Command(name = "nn", mixinStandardHelpOptions = true,
    description = "Train the walkthrough's network (784-512-10, rmsprop) or a small convnet; test on all test images.")
public final class NnCommand implements Callable<Integer>, OutUse {

  /** The model to train. */
  public enum Model {
    /** dense 784-512 relu-10 softmax, rmsprop; 5 epochs by default (the walkthrough's) */
    mlp(5),
    /**
     * two convolutions with max pooling, dropout, softmax; adam; 12 epochs by default (Keras's MNIST
     * convnet example trains 12 to 15; test accuracy reaches 0.99 after about 8 here)
     */
    cnn(12);

    private final int defaultEpochs;

    Model(int defaultEpochs) {
      this.defaultEpochs = defaultEpochs;
    }

    /** @return the epochs trained when --epochs is not given */
    public int defaultEpochs() {
      return defaultEpochs;
    }
  }

  @Mixin CommonOptions common;
  @Mixin ModelFileOptions files;
  @Spec CommandSpec spec;

  @Option(names = "--epochs", paramLabel = "N", description = "Epochs. Default: 5 for mlp, 12 for cnn.")
  Integer epochsOption;

  @Option(names = "--batch-size", paramLabel = "N", defaultValue = "128", description = "Batch size. Default: ${DEFAULT-VALUE}.")
  int batchSize;

  @Option(names = "--train-size", paramLabel = "N", description = "Use the first n training images. Default: all (60000).")
  Integer trainSize;

  @Option(names = "--model", defaultValue = "mlp", paramLabel = "mlp|cnn", description = "Default: ${DEFAULT-VALUE}.")
  Model model;

  /**
   * What {@code mnistkit nn --json} prints, followed by {@code peak_heap_mib} (see
   * {@link JsonOutput#printWithPeakHeap}).
   *
   * @param model mlp or cnn
   * @param epochs epochs fitted
   * @param batchSize batch size
   * @param trainSize training rows
   * @param fitSeconds wall time of fit only
   * @param epochSeconds wall time of each epoch in seconds, one per epoch (the first includes the JIT's
   *     warm-up); their sum is at most fitSeconds
   * @param testLoss categorical cross-entropy on the test images
   * @param accuracy test accuracy in [0, 1]
   * @param predictSeconds wall time to predict all test images
   * @param flopFloorSeconds the fit's multiply-adds at the machine's fp32 peak (see FlopFloor:
   *     cores x 2 FMA x 8 lanes x 2 FLOP x clock), or null for the convnet
   * @param flopFloorShare flopFloorSeconds / fitSeconds: the share of the fit the floor accounts
   *     for (1 would be the peak), or null
   * @param peakGflops the fp32 peak assumed, in GFLOP/s, or null when the clock is unknown
   * @param modelFile the model saved with --save, or null
   * @param onnxFile the ONNX file written with --export-onnx, or null
   */
  public record Result(String model, int epochs, int batchSize, int trainSize, double fitSeconds,
      double[] epochSeconds, double testLoss, double accuracy, double predictSeconds, Double flopFloorSeconds,
      Double flopFloorShare, Double peakGflops, String modelFile, String onnxFile) {}

  @Override
  public String whyNoOut() {
    return "it writes no pictures; save the model with --save FILE or --export-onnx FILE";
  }

  @Override
  public Integer call() throws Exception {
    files.check();
    int epochs = epochsOption != null ? epochsOption : model.defaultEpochs();
    MnistDataset data = common.loadWithTestLabels("nn");
    LabeledImages train = data.train().head(CommonOptions.trainSize(trainSize, 1, data));
    int classes = data.classNames().size();
    FloatMatrix testX = data.test().toScaledMatrix();
    Sequential net = model == Model.mlp
        ? NetworkStep.mlp(train.height() * train.width(), classes, common.seed())
        : NetworkStep.cnn(train.height(), train.width(), classes, common.seed());
    NetworkStep.Trained t = CommonOptions.namingOptions(Map.of("epochs", "--epochs", "batchSize", "--batch-size"),
        () -> NetworkStep.train(net, train.toScaledMatrix(), train.toCategorical(),
            testX, data.test().toCategorical(), epochs, batchSize, common.seed(),
            common.quiet() ? null : System.err));
    ModelSummary test = ModelSummary.evaluate(model.name(), net, testX,
        data.test().labels(), data.classNames(), t.fitSeconds(), common.threads());
    String[] written = files.write(net, common);
    Double floor = FlopFloor.seconds(net, train.size(), t.history().epochs());
    double peak = FlopFloor.peakFlops();
    Result r = new Result(model.name(), epochs, batchSize, train.size(), t.fitSeconds(), t.history().epochSeconds(),
        t.testLoss(), test.accuracy(), test.predictSeconds(), floor, floor == null ? null : floor / t.fitSeconds(),
        Double.isNaN(peak) ? null : peak / 1e9, written[0], written[1]);
    PrintWriter out = spec.commandLine().getOut();
    if (common.json()) {
      JsonOutput.printWithPeakHeap(r, out);
    } else {
      out.println(net.summary());
      out.println(t.history());
      out.println(net.provenance());
      out.printf(Locale.ROOT, "fit %.1f s; test loss %.4f, test accuracy %.4f%n", r.fitSeconds(), r.testLoss(),
          r.accuracy());
      if (floor != null) {
        out.printf(Locale.ROOT, "FLOP floor %.2f s at %s (%.0f%% of the fit)%n", floor, FlopFloor.describe(peak),
            100 * floor / r.fitSeconds());
      }
    }
    out.flush();
    return 0;
  }
}
