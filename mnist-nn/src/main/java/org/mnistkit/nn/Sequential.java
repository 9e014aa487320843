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
import org.mnistkit.core.io.FileFormatException;
import org.mnistkit.core.model.Classifier;
import org.mnistkit.core.model.OnnxExportable;
import org.mnistkit.core.model.Provenance;
import org.mnistkit.core.tensor.Categorical;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.nn.layers.Activation;
import org.mnistkit.nn.layers.Dense;
import org.mnistkit.nn.layers.Layer;
import org.mnistkit.nn.layers.Shapes;

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
 * reads in Java (with {@code import static org.mnistkit.nn.layers.Layers.*} and
 * {@code org.mnistkit.nn.layers.Activation.*}):
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
 * <p>A compiled softmax network is also a {@link Classifier}, mnistkit's shared contract with the
 * random forest: {@link #classes()} are 0..units-1, {@link #numFeatures()} is the width of an
 * input row (784 for MNIST, also for the convnet, whose rows are flattened 28 x 28 x 1 images),
 * {@link #predictProba(FloatMatrix, int)} gives what {@link #predict} gives, and
 * {@link #classificationReport} scores a test set. {@link #provenance()} says how the model was
 * fitted, {@link #save} and {@link #load} keep it in mnistkit's model file framing, and
 * {@link #exportOnnx} hands it to other runtimes.
 *
 * <p>Like a Keras model, a Sequential is mutable: {@link #compile} creates the weights (seeded
 * with {@link #seed()}), {@link #fit} updates them. The layer specs, optimizer, loss and fit
 * settings are immutable values; {@link History} records what each fit did. Predictions may run
 * from several threads at once, but not while the model is compiled, fitted or given weights.
 * ND4J's process-wide settings are changed once, in one documented place (Nd4jRuntime: one
 * native thread, no periodic GC), before the first network is built.
 */
public final class Sequential implements Classifier, OnnxExportable {

  /** The seed of the weight initialization unless {@link #seed(long)} sets another. */
  public static final long DEFAULT_SEED = 123;

  private final Architecture arch;
  private long seed = DEFAULT_SEED;
  private Optimizer optimizer;
  private Loss loss;
  private List<Metric> metrics = List.of();
  private MultiLayerNetwork net;
  private Provenance provenance;
  private volatile boolean stopRequested;

  private Sequential(Architecture arch) {
    this.arch = arch;
  }

  /**
   * Builds an uncompiled model from layer specs.
   *
   * @param layers first to last; the first declares the input shape, the last is dense
   * @return an uncompiled model
   * @throws IllegalArgumentException when the layers do not fit together, naming the layer and
   *     the shapes
   */
  public static Sequential of(Layer... layers) {
    return of(Arrays.asList(layers));
  }

  /**
   * Builds an uncompiled model from a list of layer specs; the list is copied.
   *
   * @param layers first to last, at least one; the first declares the input shape, the last is
   *     dense
   * @return an uncompiled model
   * @throws IllegalArgumentException when the layers do not fit together, naming the layer and
   *     the shapes
   * @throws NullPointerException when the list or one of its layers is null
   * @see #of(Layer...)
   */
  public static Sequential of(List<? extends Layer> layers) {
    layers.forEach(l -> Objects.requireNonNull(l, "layer"));
    return new Sequential(Architecture.of(List.copyOf(layers)));
  }

  /**
   * Sets the seed of the weight initialization.
   *
   * @param newSeed any value; used by the next {@link #compile} (default {@link #DEFAULT_SEED})
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
   * @param metrics reported next to the loss; may be empty; duplicates are reported once
   * @return this model
   * @throws NullPointerException when optimizer or loss is null
   */
  public Sequential compile(Optimizer optimizer, Loss loss, Metric... metrics) {
    Objects.requireNonNull(optimizer, "optimizer");
    Objects.requireNonNull(loss, "loss");
    List<Metric> list = List.copyOf(new java.util.LinkedHashSet<>(Arrays.asList(metrics)));
    Nd4jRuntime.configure();
    MultiLayerNetwork fresh = new MultiLayerNetwork(NetworkFactory.configuration(arch, optimizer, loss, seed));
    MultiLayerNetwork previous = net;
    if (previous == null) {
      fresh.init();
    } else {
      fresh.init(previous.params(), true);
      previous.close(); // its weights were copied into the new network; free its native memory
    }
    this.net = fresh;
    this.optimizer = optimizer;
    this.loss = loss;
    this.metrics = list;
    if (provenance == null) { // a fitted model recompiled keeps the provenance of its weights
      provenance = Provenance.notFitted(numFeatures(), ArchitectureText.of(this).settings(), seed);
    }
    return this;
  }

  /**
   * Keras's string form: {@code compile("rmsprop", "categorical_crossentropy", "accuracy")}.
   *
   * @param optimizer "rmsprop", "adam" or "sgd" (case-insensitive), with Keras's default settings
   * @param loss a Keras loss name, see {@link Loss#of(String)}
   * @param metrics Keras metric names, "accuracy" or "acc"; may be empty
   * @return this model
   * @throws IllegalArgumentException naming an unknown optimizer, loss or metric
   */
  public Sequential compile(String optimizer, String loss, String... metrics) {
    Metric[] m = Arrays.stream(metrics).map(Metric::of).toArray(Metric[]::new);
    return compile(Optimizer.of(optimizer), Loss.of(loss), m);
  }

  /**
   * Trains with Keras's defaults (1 epoch, batch size 32, shuffled, progress bar on
   * {@code System.out}).
   *
   * @param x n x {@link #numFeatures()} inputs, n &gt;= 1, finite (channels-last for an image shape)
   * @param y n x units labels (n x 1 class indices for the sparse loss), finite
   * @return what happened per epoch
   * @throws IllegalStateException before {@link #compile}
   * @throws IllegalArgumentException as {@link #fit(FloatMatrix, FloatMatrix, FitOptions)}
   * @see #fit(FloatMatrix, FloatMatrix, FitOptions)
   */
  public History fit(FloatMatrix x, FloatMatrix y) {
    return fit(x, y, FitOptions.defaults());
  }

  /**
   * Trains with settings given as a lambda on a builder holding the defaults, for example
   * {@code fit(x, y, fit -> fit.epochs(5).batchSize(128))}.
   *
   * @param x n x {@link #numFeatures()} inputs, n &gt;= 1, finite (channels-last for an image shape)
   * @param y n x units labels (n x 1 class indices for the sparse loss), finite
   * @param settings changes a {@link FitOptions.Builder} holding the defaults and returns it
   * @return what happened per epoch
   * @throws IllegalStateException before {@link #compile}
   * @throws IllegalArgumentException when a setting is out of range, or as {@link
   *     #fit(FloatMatrix, FloatMatrix, FitOptions)}
   * @see #fit(FloatMatrix, FloatMatrix, FitOptions)
   */
  public History fit(FloatMatrix x, FloatMatrix y, UnaryOperator<FitOptions.Builder> settings) {
    return fit(x, y, settings.apply(FitOptions.builder()).build());
  }

  /**
   * Trains the model, continuing from its current weights. An all-dense network (relu or linear
   * hidden layers, a softmax output) compiled with RMSprop and categorical cross-entropy trains
   * with mnist-nn's own step over OpenBLAS on up to two threads, with the same weights whatever
   * the number of cores; any other network with Deeplearning4j's step. Both follow Keras's rules.
   *
   * @param x n x inputWidth inputs, finite
   * @param y n x units labels (n x 1 class indices for the sparse loss), finite
   * @param options epochs, batch size, validation, shuffling, seed, verbosity and callbacks
   * @return what happened per epoch
   * @throws IllegalStateException before {@link #compile}
   * @throws IllegalArgumentException when x or y do not fit the model (the message names both
   *     shapes), hold NaN or infinite values, or the validation split leaves no rows on a side
   */
  public History fit(FloatMatrix x, FloatMatrix y, FitOptions options) {
    requireCompiled("fit");
    long start = System.nanoTime();
    History history = new Trainer(this, options).fit(x, y, start);
    recordProvenance(x, options, history.epochs(), start);
    return history;
  }

  /**
   * Records the provenance of the current fit; called after each epoch (before the callbacks, so
   * that a checkpoint carries it) and at the end of the fit.
   *
   * @param epochs the epochs done so far
   * @param startNanos {@link System#nanoTime()} when the fit started
   */
  void recordProvenance(FloatMatrix x, FitOptions options, int epochs, long startNanos) {
    provenance = Provenance.of(x, fitSettings(options, epochs), seed, (System.nanoTime() - startNanos) / 1e9);
  }

  private Map<String, String> fitSettings(FitOptions options, int epochs) {
    Map<String, String> settings = new java.util.LinkedHashMap<>(ArchitectureText.of(this).settings());
    settings.put("epochs", Integer.toString(epochs));
    settings.put("batch_size", Integer.toString(options.batchSize()));
    settings.put("validation_split", Double.toString(options.validationSplit()));
    if (options.validationX() != null) {
      settings.put("validation_data", options.validationX().rows() + " rows");
    }
    settings.put("shuffle", Boolean.toString(options.shuffle()));
    settings.put("fit_seed", Long.toString(options.seed()));
    return settings;
  }

  /**
   * Trains on class labels: one-hot encoded for categorical cross-entropy, one column of indices
   * for the sparse loss.
   *
   * @param x n x {@link #numFeatures()} inputs, n &gt;= 1, finite (channels-last for an image shape)
   * @param labels n class labels in 0..units-1
   * @param settings changes a {@link FitOptions.Builder} holding the defaults and returns it
   * @return what happened per epoch
   * @throws IllegalStateException before {@link #compile}
   * @throws IllegalArgumentException when the loss is neither categorical nor sparse categorical
   *     cross-entropy, a label is out of range, or as {@link #fit(FloatMatrix, FloatMatrix,
   *     FitOptions)}
   */
  public History fit(FloatMatrix x, int[] labels, UnaryOperator<FitOptions.Builder> settings) {
    return fit(x, labels, settings.apply(FitOptions.builder()).build());
  }

  /**
   * Trains on class labels with settings built beforehand.
   *
   * @param x n x {@link #numFeatures()} inputs, n &gt;= 1, finite (channels-last for an image shape)
   * @param labels n class labels, each in 0..units-1
   * @param options epochs, batch size, validation, shuffling, seed, verbosity and callbacks
   * @return what happened per epoch
   * @throws IllegalStateException before {@link #compile}
   * @throws IllegalArgumentException when the loss is neither categorical nor sparse categorical
   *     cross-entropy, a label is out of range, or as {@link #fit(FloatMatrix, FloatMatrix,
   *     FitOptions)}
   * @see #fit(FloatMatrix, int[], UnaryOperator)
   */
  public History fit(FloatMatrix x, int[] labels, FitOptions options) {
    requireCompiled("fit");
    return fit(x, labelMatrix(labels), options);
  }

  /**
   * Scores the model on labelled rows.
   *
   * @param x n x {@link #numFeatures()} inputs, n &gt;= 1, finite (channels-last for an image shape)
   * @param y n x units labels (n x 1 class indices for the sparse loss), finite
   * @return "loss" and each compiled metric, averaged over every row of x (the last, partial
   *     batch included), computed without dropout in batches of 32 (an all-dense network in
   *     blocks of 256 rows, see {@link #predictProba(FloatMatrix, int)})
   * @throws IllegalStateException before {@link #compile}
   * @throws IllegalArgumentException when x or y do not fit the model, naming both shapes
   */
  public Map<String, Double> evaluate(FloatMatrix x, FloatMatrix y) {
    return evaluate(x, y, 32);
  }

  /**
   * Scores the model on labelled rows with a chosen batch size.
   *
   * @param x n x {@link #numFeatures()} inputs, n &gt;= 1, finite (channels-last for an image shape)
   * @param y n x units labels (n x 1 class indices for the sparse loss), finite
   * @param batchSize rows per forward pass, at least 1; does not change the result
   * @return "loss" and each compiled metric, averaged over every row of x
   * @throws IllegalStateException before {@link #compile}
   * @throws IllegalArgumentException when batchSize &lt; 1 or x or y do not fit the model, naming
   *     the shapes
   */
  public Map<String, Double> evaluate(FloatMatrix x, FloatMatrix y, int batchSize) {
    requireCompiled("evaluate");
    requireBatchSize(batchSize);
    Inputs.checkFeatures(arch, x, "x");
    Inputs.checkLabels(arch, loss, x, y, "x", "y");
    return Inference.evaluate(this, x, y, 0, x.rows(), batchSize);
  }

  /**
   * Evaluates on class labels, encoded as {@link #fit(FloatMatrix, int[], FitOptions)} encodes them.
   *
   * @param x n x {@link #numFeatures()} inputs, n &gt;= 1, finite (channels-last for an image shape)
   * @param labels n class labels, each in 0..units-1
   * @return "loss" and each compiled metric, averaged over every row of x, in batches of 32
   * @throws IllegalStateException before {@link #compile}
   * @throws IllegalArgumentException when the loss is neither categorical nor sparse categorical
   *     cross-entropy, a label is out of range, or x does not fit the model
   * @see #fit(FloatMatrix, int[], UnaryOperator)
   */
  public Map<String, Double> evaluate(FloatMatrix x, int[] labels) {
    requireCompiled("evaluate");
    return evaluate(x, labelMatrix(labels));
  }

  /**
   * Computes the outputs of the last layer.
   *
   * @param x n x {@link #numFeatures()} inputs, n &gt;= 1, finite (channels-last for an image shape)
   * @return n x units outputs of the last layer (class probabilities for softmax), without
   *     dropout, computed in batches of 32 (an all-dense network in blocks of 256 rows, see
   *     {@link #predictProba(FloatMatrix, int)})
   * @throws IllegalStateException before {@link #compile}
   * @throws IllegalArgumentException when x does not fit the model, naming both shapes
   */
  public FloatMatrix predict(FloatMatrix x) {
    return predict(x, 32);
  }

  /**
   * Computes the outputs of the last layer with a chosen batch size.
   *
   * @param x n x {@link #numFeatures()} inputs, n &gt;= 1, finite (channels-last for an image shape)
   * @param batchSize rows per forward pass, at least 1; does not change the result
   * @return n x units outputs of the last layer, without dropout
   * @throws IllegalStateException before {@link #compile}
   * @throws IllegalArgumentException when batchSize &lt; 1 or x does not fit the model, naming
   *     both shapes
   */
  public FloatMatrix predict(FloatMatrix x, int batchSize) {
    requireCompiled("predict");
    requireBatchSize(batchSize);
    Inputs.checkFeatures(arch, x, "x");
    int units = arch.units();
    return FloatMatrix.wrap(x.rows(), units,
        Inference.predict(this, x, 0, x.rows(), batchSize));
  }

  /**
   * @return the arg-max of each row of {@link #predict(FloatMatrix)}, in 0..units-1 (the first on
   *     ties), computed on the calling thread; for any last layer, not only softmax
   * @throws IllegalStateException before {@link #compile}
   * @throws IllegalArgumentException when x does not fit the model, naming both shapes
   */
  @Override
  public int[] predictClasses(FloatMatrix x) {
    return predict(x).argmaxRows();
  }

  /**
   * The arg-max of each row of the outputs, predicted on up to {@code threads} threads as {@link
   * #predictProba(FloatMatrix, int)} does; the same labels as {@link #predictClasses(FloatMatrix)}
   * for any thread count, and for any last layer, not only softmax.
   *
   * @param x n x {@link #numFeatures()} rows, finite, scaled as for training
   * @param threads the most threads to use, at least 1
   * @return n labels in 0..units-1 (the first on ties)
   * @throws IllegalArgumentException when threads &lt; 1 or x does not fit the model
   * @throws IllegalStateException before {@link #compile}
   */
  @Override
  public int[] predictClasses(FloatMatrix x, int threads) {
    requireCallable("predictClasses", threads);
    return outputs(x, threads).argmaxRows();
  }

  /**
   * @return the class labels 0..units-1, the columns of {@link #predictProba}
   */
  @Override
  public int[] classes() {
    int[] c = new int[arch.units()];
    for (int i = 0; i < c.length; i++) {
      c[i] = i;
    }
    return c;
  }

  /** @return the number of values in one input row, such as 784 for (784) or (28, 28, 1) */
  @Override
  public int numFeatures() {
    return arch.inputWidth();
  }

  /**
   * The class probabilities: the softmax outputs, exactly what {@link #predict(FloatMatrix)}
   * returns, whatever the thread count.
   *
   * <p>Threads: an all-dense network (relu or linear hidden layers) is predicted without
   * Deeplearning4j, in blocks of 256 rows that the threads share, reading the one copy of the
   * weights. For other networks Deeplearning4j computes one forward pass at a time, so with more
   * than one thread the rows are split into blocks of 256 (8 batches of 32) and each extra thread
   * predicts its blocks on its own copy of the network, made for this call. Each thread's matrix products use ND4J's native thread
   * setting, which mnist-nn sets to 1 for the whole process when the first network is built
   * (system property {@code mnistkit.nn.nativeThreads}); this method changes no process-wide
   * setting. Fewer than 512 rows are predicted on the calling thread.
   *
   * @param x n x {@link #numFeatures()} rows, finite, scaled as for training
   * @param threads the most threads to use, at least 1
   * @return n x units probabilities, rows summing to 1
   * @throws IllegalArgumentException when threads &lt; 1, x does not fit the model, or the last
   *     layer is not a softmax (use {@link #predict} for other outputs)
   * @throws IllegalStateException before {@link #compile}
   */
  @Override
  public FloatMatrix predictProba(FloatMatrix x, int threads) {
    requireCallable("predictProba", threads);
    Dense last = (Dense) arch.layers().get(arch.layers().size() - 1);
    if (last.activation() != Activation.SOFTMAX) {
      throw new IllegalArgumentException("predictProba needs a softmax output layer but the last layer's "
          + "activation is " + last.activation() + "; predict(x) gives its outputs");
    }
    return outputs(x, threads);
  }

  /** Checks the thread count and that the model is compiled, for a method named {@code what}. */
  private void requireCallable(String what, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    requireCompiled(what);
  }

  /** The last layer's outputs for x on up to {@code threads} threads (see predictProba). */
  private FloatMatrix outputs(FloatMatrix x, int threads) {
    Inputs.checkFeatures(arch, x, "x");
    int units = arch.units();
    return FloatMatrix.wrap(x.rows(), units, Inference.predict(this, x, 32, threads));
  }

  /**
   * How the model was made: the mnistkit and Java versions, the time, the training data's shape
   * and origin, the fit's wall-clock seconds, the weight seed and, under Keras's names, the
   * settings ({@code layers}, {@code optimizer}, {@code learning_rate} and the optimizer's other
   * settings, {@code loss}, {@code metrics}, {@code epochs} (those that ran), {@code batch_size},
   * {@code validation_split}, {@code shuffle}, {@code fit_seed}). Recorded by the latest
   * {@link #fit} (a later fit continues from the weights and replaces it), restored by
   * {@link #load}; a model loaded from a version-1 file has its settings and seed only. A model
   * compiled but not fitted (which may be saved, as in Keras) reports its compile settings and
   * seed with no training data ({@link Provenance#notFitted}), recorded when it was first compiled.
   *
   * @return the provenance
   * @throws IllegalStateException before {@link #compile}
   */
  @Override
  public Provenance provenance() {
    requireCompiled("provenance");
    return provenance;
  }

  /**
   * The layer table as Keras's {@code summary()} prints it: name (type), output shape with the
   * batch dimension as None, and parameter counts; 784-512-10 has 401,920 + 5,130 = 407,050.
   *
   * @return the table: a header, one row per layer, then the total, trainable and non-trainable
   *     parameter counts; available before {@link #compile}
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
   * Saves the provenance, the architecture and compile settings, the weights and the optimizer
   * state in mnistkit's model file framing (magic "MKNN", kind "network", layout version 2; the
   * blocks are listed in NetworkFile). The file is replaced atomically: a save that fails
   * half-way leaves the old file as it was.
   *
   * @param path the file to create or replace; its folder is created when missing
   * @throws IllegalStateException before {@link #compile}
   * @throws IOException when the file cannot be written
   */
  @Override
  public void save(Path path) throws IOException {
    requireCompiled("save");
    NetworkFile.save(this, path);
  }

  /**
   * Reads a model written by {@link #save}, or by mnistkit's earlier releases (format version 1,
   * magic "MNISTKIT-NN"); it predicts exactly as the saved one, can go on training, and reports
   * its {@link #provenance()}.
   *
   * @param path a network model file
   * @return the compiled model
   * @throws FileFormatException when the file is not a network model file (a file of another
   *     mnistkit kind, such as a random forest, is named as such), is truncated, corrupt, or of an
   *     unsupported version (the message says which)
   * @throws IOException when the file cannot be read
   */
  public static Sequential load(Path path) throws IOException {
    return NetworkFile.load(path);
  }

  /**
   * Exports the model as an ONNX file (opset 13), atomically. Input {@code "input"}: float
   * {@code [N, numFeatures()]}, the rows {@link #predict} takes (784 values scaled to [0, 1] for
   * MNIST; a convnet reshapes them to NCHW images inside the graph). Output
   * {@code "probabilities"} (softmax output layer, else {@code "output"}): float
   * {@code [N, units]}, what {@link #predict} returns. Every layer offered is exported: dense with
   * each activation, dropout (the identity), conv2d, max pooling, flatten.
   *
   * @param file the file to create or replace, conventionally ending in {@code .onnx}
   * @throws IllegalStateException before {@link #compile}
   * @throws IllegalArgumentException for a convolution with a softmax activation, which has no
   *     ONNX translation here
   * @throws IOException when the file cannot be written; the target is then unchanged
   */
  @Override
  public void exportOnnx(Path file) throws IOException {
    requireCompiled("exportOnnx");
    OnnxExport.export(this, file);
  }

  /**
   * @return such as {@code Sequential[2 layers, input (784), 407,050 params, rmsprop,
   *     categorical_crossentropy]}, followed on the next lines by the provenance when the model
   *     was fitted or loaded
   */
  @Override
  public String toString() {
    String head = String.format(Locale.ROOT, "Sequential[%d layers, input %s, %,d params%s]", arch.layers().size(),
        Shapes.format(arch.inputShape()), countParams(),
        isCompiled() ? ", " + optimizer.kerasName() + ", " + loss : ", not compiled");
    return provenance == null ? head : head + "\n" + provenance;
  }

  // ---- package-private access for Trainer, NetworkFile and OnnxExport ----

  Architecture architecture() {
    return arch;
  }

  MultiLayerNetwork network() {
    return net;
  }

  /** Installs the provenance read from a file; used by NetworkFile. */
  void restoreProvenance(Provenance restored) {
    this.provenance = Objects.requireNonNull(restored, "provenance");
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
