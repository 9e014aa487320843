package org.mnistkit.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.mnistkit.core.concurrent.Workers;
import org.mnistkit.core.model.Classifier;
import org.mnistkit.examples.walkthrough.NetworkStep;
import org.mnistkit.forest.RandomForest;
import org.mnistkit.nn.Sequential;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Predicting the 10000 test images with each fitted classifier, through the one {@link
 * Classifier} contract: the walkthrough's random forest (500 trees on 3000 sampled images) and its
 * dense network (784-512-10 after one epoch on all 60000 images). A new model family is one more
 * {@code @Param} value and one line in {@link #fit}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class PredictBenchmark {

  /** The classifier: {@code forest} or {@code network}. */
  @Param({"forest", "network"})
  public String model;

  /** Prediction threads; 0 means all cores. */
  @Param({"0"})
  public int threads;

  /** Training rows per model, as in the walkthrough; tests make them smaller. */
  int forestTrainRows = 3000;
  int networkTrainRows = 60000;
  /** Test rows to predict. */
  int testRows = 10000;

  MnistState data;
  Classifier classifier;

  /** Loads the data and fits the classifier once. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    data = new MnistState("forest".equals(model) ? forestTrainRows : networkTrainRows, testRows, 123);
    classifier = fit(model, data);
  }

  private static Classifier fit(String model, MnistState data) {
    return switch (model) {
      case "forest" -> RandomForest.builder().trees(500).seed(123).build().fit(data.trainX, data.trainY);
      case "network" -> {
        Sequential net = NetworkStep.mlp(784, 10, 123);
        net.fit(data.trainX, data.trainY, fit -> fit.epochs(1).batchSize(128).verbose(0));
        yield net;
      }
      default -> throw new IllegalArgumentException("model must be forest or network, got " + model);
    };
  }

  /** @return the predicted labels of the test images */
  @Benchmark
  public int[] predictClasses() {
    return classifier.predictClasses(data.testX, threads > 0 ? threads : Workers.defaultThreads());
  }
}
