package org.mnistkit.nn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mnistkit.core.concurrent.Workers;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.nn.callbacks.Callback;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The epoch loop of {@link Sequential#fit}, following Keras's fit: the validation rows are split
 * off the end first; before each epoch the training rows are reshuffled (seeded); each batch is
 * trained on (for an all-dense network that {@link DenseSteps} supports, with its own step on two
 * threads; otherwise copied into a reused native array and trained on with one Deeplearning4j
 * step, whose {@link LeanConvLayer}s get two worker threads for the fit); the loss and the metrics
 * of each batch come from that step's own forward pass; validation runs after the epoch without
 * dropout; callbacks run last and may stop training.
 */
final class Trainer {

  private final Sequential model;
  private final FitOptions options;
  /** Threads of the DenseSteps path, or 0 for Deeplearning4j's step whatever the model. */
  private final int denseThreads;

  /** A trainer that takes the DenseSteps path when the model allows it, on up to two threads. */
  Trainer(Sequential model, FitOptions options) {
    this(model, options, Nd4jRuntime.NATIVE_THREADS == 1 ? Math.min(DenseSteps.PIECES, Workers.defaultThreads()) : 1);
  }

  /**
   * @return threads for LeanConvLayer's pieces: two with one native thread (as DenseSteps), else
   *     one (the native ops then use the cores)
   */
  private static int convThreads() {
    return Nd4jRuntime.NATIVE_THREADS == 1 ? Math.min(LeanConvLayer.PIECES, Workers.defaultThreads()) : 1;
  }

  /**
   * @param denseThreads threads of the DenseSteps path (1 or 2; the result is the same), or 0 to
   *     train with Deeplearning4j's step (for tests comparing the two)
   */
  Trainer(Sequential model, FitOptions options, int denseThreads) {
    this.model = model;
    this.options = options;
    this.denseThreads = denseThreads;
  }

  /**
   * @param startNanos {@link System#nanoTime()} when the fit started, for the provenance
   * @throws IllegalArgumentException for bad data or a validation split that leaves either side
   *     empty
   */
  History fit(FloatMatrix x, FloatMatrix y, long startNanos) {
    Architecture arch = model.architecture();
    Loss loss = model.loss();
    Inputs.checkFeatures(arch, x, "x");
    Inputs.checkLabels(arch, loss, x, y, "x", "y");
    int n = x.rows();
    int trainRows = n;
    FloatMatrix vx = options.validationX();
    FloatMatrix vy = options.validationY();
    int vFrom = 0;
    int vTo = 0;
    if (vx != null) {
      Inputs.checkFeatures(arch, vx, "validation x");
      Inputs.checkLabels(arch, loss, vx, vy, "validation x", "validation y");
      vTo = vx.rows();
    } else if (options.validationSplit() > 0) {
      trainRows = (int) Math.floor(n * (1.0 - options.validationSplit()));
      if (trainRows < 1 || trainRows >= n) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "validationSplit %s of %d rows leaves %d training and %d validation rows; both must be >= 1",
            options.validationSplit(), n, trainRows, n - trainRows));
      }
      vx = x;
      vy = y;
      vFrom = trainRows;
      vTo = n;
    }
    return loop(x, y, trainRows, vx, vy, vFrom, vTo, startNanos);
  }

  private History loop(FloatMatrix x, FloatMatrix y, int trainRows, FloatMatrix vx, FloatMatrix vy, int vFrom,
      int vTo, long startNanos) {
    MultiLayerNetwork net = model.network();
    Architecture arch = model.architecture();
    int batch = Math.min(options.batchSize(), trainRows);
    int steps = (trainRows + batch - 1) / batch;
    int[] order = new int[trainRows];
    for (int i = 0; i < trainRows; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(options.seed());
    Nd4jRuntime.seed(options.seed());
    History.Recorder recorder = new History.Recorder();
    model.clearStopRequest();
    boolean stoppedEarly = false;
    boolean dense = denseThreads > 0 && DenseSteps.supports(model);
    OutputCapture capture = dense ? null : new OutputCapture(net, arch.units(), batch);
    if (capture != null) {
      net.setListeners(capture);
    }
    try (Batches batches = dense ? null : new Batches(batch, trainRows % batch, x.cols(), y.cols());
        DenseSteps denseSteps = dense ? new DenseSteps(model, batch, denseThreads) : null;
        Workers convWorkers = !dense && LeanConvLayer.presentIn(net) ? new Workers(convThreads()) : null) {
      LeanConvLayer.useWorkers(net, convWorkers);
      options.callbacks().forEach(c -> c.onTrainBegin(model));
      for (int epoch = 0; epoch < options.epochs(); epoch++) {
        long epochStart = System.nanoTime();
        if (options.shuffle()) {
          shuffle(order, random);
        }
        Map<String, Double> logs;
        try (EpochProgress progress = EpochProgress.start(options, epoch, steps)) {
          logs = denseSteps != null ? trainEpoch(x, y, order, batch, denseSteps, progress)
              : trainEpoch(x, y, order, batches, capture, progress);
          if (vx != null) {
            logs.putAll(validation(vx, vy, vFrom, vTo));
          }
          progress.finish(logs);
        }
        recorder.add(logs, (System.nanoTime() - epochStart) / 1e9);
        model.recordProvenance(x, options, epoch + 1, startNanos);
        Map<String, Double> view = Collections.unmodifiableMap(logs);
        for (Callback c : options.callbacks()) {
          c.onEpochEnd(model, epoch, view);
        }
        if (model.stopRequested()) {
          stoppedEarly = epoch < options.epochs() - 1;
          break;
        }
      }
      options.callbacks().forEach(c -> c.onTrainEnd(model));
    } finally {
      net.setListeners(Collections.emptyList());
      LeanConvLayer.useWorkers(net, null);
    }
    int validationRows = vx == null ? 0 : vTo - vFrom;
    return recorder.build(options, trainRows, validationRows, arch.inputShape(), stoppedEarly);
  }

  /** One batch of a training pass: how its rows are fitted, and what the network then predicted. */
  private interface BatchStep {
    /**
     * Fits rows {@code order[from, from + m)} in one step.
     *
     * @return the batch's summed loss (its mean times m)
     */
    double fit(int from, int m);

    /** @return the m x units outputs of the step just taken, row-major */
    float[] probabilities();
  }

  /** One pass over the shuffled training rows with Deeplearning4j's step. */
  private Map<String, Double> trainEpoch(FloatMatrix x, FloatMatrix y, int[] order, Batches batches,
      OutputCapture capture, EpochProgress progress) {
    MultiLayerNetwork net = model.network();
    int[] layout = model.inputLayout();
    return runEpoch(y, order, batches.size, new BatchStep() {
      @Override
      public double fit(int from, int m) {
        INDArray xb = batches.features(m);
        INDArray yb = batches.labels(m);
        NdArrays.putRows(xb, x, order, from, m, layout);
        NdArrays.putRows(yb, y, order, from, m, null);
        net.fit(xb, yb);
        return net.score() * m;
      }

      @Override
      public float[] probabilities() {
        return capture.probabilities();
      }
    }, progress);
  }

  /** As the Deeplearning4j epoch above, with DenseSteps's step; the weights stay in the network. */
  private Map<String, Double> trainEpoch(FloatMatrix x, FloatMatrix y, int[] order, int batch, DenseSteps steps,
      EpochProgress progress) {
    int[] done = {0};
    steps.load();
    try {
      return runEpoch(y, order, batch, new BatchStep() {
        @Override
        public double fit(int from, int m) {
          double lossSum = steps.step(x, y, order, from, m);
          done[0]++;
          return lossSum;
        }

        @Override
        public float[] probabilities() {
          return steps.probabilities();
        }
      }, progress);
    } finally {
      // the weights change in place at every step: the optimizer state and the iteration count
      // follow them even when a step fails or the thread is interrupted mid-epoch
      steps.store(done[0]);
    }
  }

  /** Runs the batches of one pass, drawing progress; returns the epoch's sample-weighted means. */
  private Map<String, Double> runEpoch(FloatMatrix y, int[] order, int batch, BatchStep step,
      EpochProgress progress) {
    Loss loss = model.loss();
    List<Metric> metrics = model.metrics();
    int units = model.architecture().units();
    double lossSum = 0;
    double[] metricSums = new double[metrics.size()];
    int seen = 0;
    for (int from = 0, s = 1; from < order.length; from += batch, s++) {
      int m = Math.min(batch, order.length - from);
      lossSum += step.fit(from, m);
      float[] p = step.probabilities();
      for (int k = 0; k < metricSums.length; k++) {
        Metric metric = metrics.get(k);
        for (int r = 0; r < m; r++) {
          metricSums[k] += metric.rowScore(loss, p, r * units, y.data(), order[from + r] * y.cols(), units);
        }
      }
      seen += m;
      progress.update(s, means(lossSum, metrics, metricSums, seen));
    }
    return means(lossSum, metrics, metricSums, seen);
  }

  /** @return "val_loss" and "val_" + each metric, over rows [from, to) of the validation data */
  private Map<String, Double> validation(FloatMatrix vx, FloatMatrix vy, int from, int to) {
    Map<String, Double> out = new LinkedHashMap<>();
    Inference.evaluate(model, vx, vy, from, to, options.batchSize()).forEach((k, v) -> out.put("val_" + k, v));
    return out;
  }

  private static Map<String, Double> means(double lossSum, List<Metric> metrics, double[] sums, int seen) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("loss", lossSum / seen);
    for (int k = 0; k < sums.length; k++) {
      m.put(metrics.get(k).kerasName(), sums[k] / seen);
    }
    return m;
  }

  /** Fisher-Yates shuffle. */
  private static void shuffle(int[] a, SplittableRandom random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /**
   * The native batch arrays, allocated once per fit: one pair for full batches and one for the
   * smaller last batch of an epoch, if any.
   */
  private static final class Batches implements AutoCloseable {
    final int size;
    private final INDArray xFull;
    private final INDArray yFull;
    private final INDArray xRest;
    private final INDArray yRest;

    Batches(int size, int rest, int xCols, int yCols) {
      this.size = size;
      this.xFull = NdArrays.matrix(size, xCols);
      this.yFull = NdArrays.matrix(size, yCols);
      this.xRest = rest > 0 ? NdArrays.matrix(rest, xCols) : null;
      this.yRest = rest > 0 ? NdArrays.matrix(rest, yCols) : null;
    }

    INDArray features(int rows) {
      return rows == size ? xFull : xRest;
    }

    INDArray labels(int rows) {
      return rows == size ? yFull : yRest;
    }

    @Override
    public void close() {
      xFull.close();
      yFull.close();
      if (xRest != null) {
        xRest.close();
        yRest.close();
      }
    }
  }
}
