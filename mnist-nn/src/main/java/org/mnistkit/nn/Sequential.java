package org.mnistkit.nn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mnistkit.core.tensor.Categorical;
import org.mnistkit.core.tensor.FloatMatrix;

/**
 * A Keras-like sequential network over Deeplearning4j. What the R walkthrough writes as
 *
 * <pre>
 * model &lt;- keras_model_sequential() %&gt;%
 *   layer_dense(units = 512, activation = "relu", input_shape = c(784)) %&gt;%
 *   layer_dense(units = 10, activation = "softmax")
 * model %&gt;% compile(optimizer = "rmsprop", loss = "categorical_crossentropy", metrics = "accuracy")
 * history &lt;- model %&gt;% fit(x_train, y_train, epochs = 5, batch_size = 128)
 * model %&gt;% evaluate(x_test, y_test)
 * </pre>
 *
 * reads in Java (with {@code import static org.mnistkit.nn.Layers.*} and
 * {@code org.mnistkit.nn.Activation.*}):
 *
 * <pre>{@code
 * var model = Sequential.of(dense(512, RELU).inputShape(784), dense(10, SOFTMAX));
 * model.compile(Optimizer.rmsprop(), Loss.CATEGORICAL_CROSSENTROPY, Metric.ACCURACY);
 * History history = model.fit(xTrain, yTrain, fit -> fit.epochs(5).batchSize(128));
 * Map<String, Double> result = model.evaluate(xTest, yTest); // loss, accuracy
 * }</pre>
 *
 * <p>Inputs are core {@link FloatMatrix} rows: {@code n x 784} for the input shape (784), and
 * {@code n x (h * w * c)} in channels-last order for an image shape (h, w, c). Labels are
 * {@code n x units} (one-hot for categorical cross-entropy), or {@code n x 1} class indices for
 * sparse categorical cross-entropy; the {@code int[]} overloads accept class labels directly.
 *
 * <p>Like a Keras model, a Sequential is mutable: {@link #compile} creates the weights (seeded
 * with {@link #seed()}), {@link #fit} updates them. The layer specs, optimizer, loss and fit
 * settings are immutable values; {@link History} records what each fit did. Not thread-safe.
 * ND4J's process-wide settings are changed once, in one documented place (Nd4jRuntime: one
 * native thread, no periodic GC), before the first network is built.
 */
public final class Sequential {

  /** The seed of the weight initialization unless {@link #seed(long)} sets another. */
  public static final long DEFAULT_SEED = 123;

  private final Architecture arch;
  private long seed = DEFAULT_SEED;
  private Optimizer optimizer;
  private Loss loss;
  private List<Metric> metrics = List.of();
  private MultiLayerNetwork net;
  private volatile boolean stopRequested;

  private Sequential(Architecture arch) {
    this.arch = arch;
  }

  /**
   * @param layers first to last; the first declares the input shape, the last is dense
   * @return an uncompiled model
   * @throws IllegalArgumentException when the layers do not fit together, naming the layer and
   *     the shapes
   */
  public static Sequential of(Layer... layers) {
    return of(Arrays.asList(layers));
  }

  /** @see #of(Layer...) */
  public static Sequential of(List<? extends Layer> layers) {
    layers.forEach(l -> Objects.requireNonNull(l, "layer"));
    return new Sequential(Architecture.of(List.copyOf(layers)));
  }

  /**
   * Sets the seed of the weight initialization.
   *
   * @return this model
   * @throws IllegalStateException after compile, when the weights exist already
   */
  public Sequential seed(long newSeed) {
    if (net != null) {
      throw new IllegalStateException("the weights were initialized by compile; set the seed before compiling");
    }
    this.seed = newSeed;
    return this;
  }

  /** @return the seed of the weight initialization */
  public long seed() {
    return seed;
  }

  /**
   * Configures training and, on the first call, initializes the weights (Keras's defaults:
   * glorot_uniform kernels, zero biases, seeded with {@link #seed()}). A later call keeps the
   * weights and starts the optimizer afresh, as in Keras.
   *
   * @param optimizer such as {@link Optimizer#rmsprop()}
   * @param loss such as {@link Loss#CATEGORICAL_CROSSENTROPY}
   * @param metrics reported next to the loss; may be empty
   * @return this model
   */
  public Sequential compile(Optimizer optimizer, Loss loss, Metric... metrics) {
    Objects.requireNonNull(optimizer, "optimizer");
    Objects.requireNonNull(loss, "loss");
    List<Metric> list = List.copyOf(new java.util.LinkedHashSet<>(Arrays.asList(metrics)));
    Nd4jRuntime.configure();
    MultiLayerNetwork fresh = new MultiLayerNetwork(NetworkFactory.configuration(arch, optimizer, loss, seed));
    if (net == null) {
      fresh.init();
    } else {
      fresh.init(net.params(), true);
    }
    this.net = fresh;
    this.optimizer = optimizer;
    this.loss = loss;
    this.metrics = list;
    return this;
  }

  /**
   * Keras's string form: {@code compile("rmsprop", "categorical_crossentropy", "accuracy")}.
   *
   * @throws IllegalArgumentException naming an unknown optimizer, loss or metric
   */
  public Sequential compile(String optimizer, String loss, String... metrics) {
    Metric[] m = Arrays.stream(metrics).map(Metric::of).toArray(Metric[]::new);
    return compile(Optimizer.of(optimizer), Loss.of(loss), m);
  }

  /** Trains with Keras's defaults (1 epoch, batch size 32). @see #fit(FloatMatrix, FloatMatrix, FitOptions) */
  public History fit(FloatMatrix x, FloatMatrix y) {
    return fit(x, y, FitOptions.defaults());
  }

  /**
   * Trains with settings given as a lambda on a builder holding the defaults, for example
   * {@code fit(x, y, fit -> fit.epochs(5).batchSize(128))}.
   *
   * @see #fit(FloatMatrix, FloatMatrix, FitOptions)
   */
  public History fit(FloatMatrix x, FloatMatrix y, UnaryOperator<FitOptions.Builder> settings) {
    return fit(x, y, settings.apply(FitOptions.builder()).build());
  }

  /**
   * Trains the model, continuing from its current weights.
   *
   * @param x n x inputWidth inputs, finite
   * @param y n x units labels (n x 1 class indices for the sparse loss), finite
   * @return what happened per epoch
   * @throws IllegalStateException before {@link #compile}
   * @throws IllegalArgumentException when x or y do not fit the model (the message names both
   *     shapes), hold NaN or infinite values, or the validation split leaves no rows on a side
   */
  public History fit(FloatMatrix x, FloatMatrix y, FitOptions options) {
    requireCompiled("fit");
    return new Trainer(this, options).fit(x, y);
  }

  /**
   * Trains on class labels: one-hot encoded for categorical cross-entropy, one column of indices
   * for the sparse loss.
   *
   * @param labels n class labels in 0..units-1
   * @throws IllegalArgumentException also for other losses, or labels out of range
   */
  public History fit(FloatMatrix x, int[] labels, UnaryOperator<FitOptions.Builder> settings) {
    return fit(x, labels, settings.apply(FitOptions.builder()).build());
  }

  /** @see #fit(FloatMatrix, int[], UnaryOperator) */
  public History fit(FloatMatrix x, int[] labels, FitOptions options) {
    requireCompiled("fit");
    return fit(x, labelMatrix(labels), options);
  }

  /**
   * @return "loss" and each compiled metric, averaged over every row of x (the last, partial
   *     batch included), computed without dropout in batches of 32
   * @throws IllegalStateException before {@link #compile}
   * @throws IllegalArgumentException when x or y do not fit the model, naming both shapes
   */
  public Map<String, Double> evaluate(FloatMatrix x, FloatMatrix y) {
    return evaluate(x, y, 32);
  }

  /** @param batchSize rows per forward pass, at least 1; does not change the result */
  public Map<String, Double> evaluate(FloatMatrix x, FloatMatrix y, int batchSize) {
    requireCompiled("evaluate");
    requireBatchSize(batchSize);
    Inputs.checkFeatures(arch, x, "x");
    Inputs.checkLabels(arch, loss, x, y, "x", "y");
    return Inference.evaluate(net, loss, metrics, x, y, 0, x.rows(), batchSize, arch.units(), inputLayout());
  }

  /** Evaluates on class labels. @see #fit(FloatMatrix, int[], UnaryOperator) */
  public Map<String, Double> evaluate(FloatMatrix x, int[] labels) {
    requireCompiled("evaluate");
    return evaluate(x, labelMatrix(labels));
  }

  /**
   * @return n x units outputs of the last layer (class probabilities for softmax), without
   *     dropout, computed in batches of 32
   * @throws IllegalStateException before {@link #compile}
   * @throws IllegalArgumentException when x does not fit the model, naming both shapes
   */
  public FloatMatrix predict(FloatMatrix x) {
    return predict(x, 32);
  }

  /** @param batchSize rows per forward pass, at least 1 */
  public FloatMatrix predict(FloatMatrix x, int batchSize) {
    requireCompiled("predict");
    requireBatchSize(batchSize);
    Inputs.checkFeatures(arch, x, "x");
    int units = arch.units();
    return FloatMatrix.wrap(x.rows(), units,
        Inference.predict(net, x, 0, x.rows(), batchSize, units, inputLayout()));
  }

  /** @return the arg-max of each row of {@link #predict(FloatMatrix)}, in 0..units-1 */
  public int[] predictClasses(FloatMatrix x) {
    return predict(x).argmaxRows();
  }

  /**
   * The layer table as Keras's {@code summary()} prints it: name (type), output shape with the
   * batch dimension as None, and parameter counts; 784-512-10 has 401,920 + 5,130 = 407,050.
   */
  public String summary() {
    return SummaryTable.render(arch);
  }

  /** @return the number of weights and biases */
  public long countParams() {
    return arch.countParams();
  }

  /** @return the layer specs, first to last */
  public List<Layer> layers() {
    return arch.layers();
  }

  /** @return the shape of one input row, such as [784] or [28, 28, 1] */
  public int[] inputShape() {
    return arch.inputShape().clone();
  }

  /** @return the shape of one output row, [units] */
  public int[] outputShape() {
    return arch.outputShapes().get(arch.outputShapes().size() - 1).clone();
  }

  /** @return whether {@link #compile} has been called */
  public boolean isCompiled() {
    return net != null;
  }

  /** @return the compiled optimizer, or null before compile */
  public Optimizer optimizer() {
    return optimizer;
  }

  /** @return the compiled loss, or null before compile */
  public Loss loss() {
    return loss;
  }

  /** @return the compiled metrics, possibly empty */
  public List<Metric> metrics() {
    return metrics;
  }

  /**
   * @return a copy of all weights and biases, flattened layer by layer in Deeplearning4j's
   *     parameter order; {@link #countParams()} values
   * @throws IllegalStateException before {@link #compile}
   */
  public float[] getWeights() {
    requireCompiled("getWeights");
    return NdArrays.toFloats(net.params());
  }

  /**
   * @param weights as returned by {@link #getWeights()} for the same architecture
   * @throws IllegalArgumentException when the length differs from {@link #countParams()}
   * @throws IllegalStateException before {@link #compile}
   */
  public void setWeights(float[] weights) {
    requireCompiled("setWeights");
    if (weights.length != countParams()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "weights have %d values but the model has %d parameters", weights.length, countParams()));
    }
    net.setParams(NdArrays.row(weights));
  }

  /** Asks {@link #fit} to stop after the current epoch; meant for callbacks. */
  public void stopTraining() {
    stopRequested = true;
  }

  /**
   * Saves the architecture, the compile settings, the weights and the optimizer state in the
   * versioned format described in ModelIO. The file is replaced atomically.
   *
   * @throws IllegalStateException before {@link #compile}
   * @throws IOException when the file cannot be written
   */
  public void save(Path path) throws IOException {
    requireCompiled("save");
    ModelIO.save(this, path);
  }

  /**
   * Reads a model written by {@link #save}; it predicts exactly as the saved one and can go on
   * training.
   *
   * @throws ModelFormatException when the file is not a mnist-nn model, is truncated, corrupt, or
   *     of an unsupported version (the message says which)
   * @throws IOException when the file cannot be read
   */
  public static Sequential load(Path path) throws IOException {
    return ModelIO.load(path);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Sequential[%d layers, input %s, %,d params%s]", arch.layers().size(),
        Shapes.format(arch.inputShape()), countParams(),
        isCompiled() ? ", " + optimizer.kerasName() + ", " + loss : ", not compiled");
  }

  // ---- package-private access for Trainer, ModelIO and callbacks ----

  Architecture architecture() {
    return arch;
  }

  MultiLayerNetwork network() {
    return net;
  }

  /** Installs a restored network; used by ModelIO. */
  static Sequential restored(Architecture arch, long seed, Optimizer optimizer, Loss loss, List<Metric> metrics,
      MultiLayerNetwork net) {
    Sequential s = new Sequential(arch);
    s.seed = seed;
    s.optimizer = optimizer;
    s.loss = loss;
    s.metrics = List.copyOf(metrics);
    s.net = net;
    return s;
  }

  int[] inputLayout() {
    return arch.isConvolutional() ? NdArrays.channelsFirstLayout(arch.inputShape()) : null;
  }

  boolean stopRequested() {
    return stopRequested;
  }

  void clearStopRequest() {
    stopRequested = false;
  }

  private void requireCompiled(String what) {
    if (net == null) {
      throw new IllegalStateException(what + " called before compile; call compile(optimizer, loss, metrics) "
          + "first, e.g. compile(\"rmsprop\", \"categorical_crossentropy\", \"accuracy\")");
    }
  }

  private static void requireBatchSize(int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
    }
  }

  private FloatMatrix labelMatrix(int[] labels) {
    int units = arch.units();
    if (loss == Loss.CATEGORICAL_CROSSENTROPY) {
      return Categorical.toCategorical(labels, units);
    }
    if (loss == Loss.SPARSE_CATEGORICAL_CROSSENTROPY) {
      float[] column = new float[labels.length];
      for (int i = 0; i < labels.length; i++) {
        column[i] = labels[i];
      }
      return FloatMatrix.wrap(labels.length, 1, column);
    }
    throw new IllegalArgumentException("class labels (int[]) need categorical_crossentropy or "
        + "sparse_categorical_crossentropy; " + loss + " takes a label matrix");
  }
}
