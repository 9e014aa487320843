package org.mnistkit.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.examples.walkthrough.NetworkStep;
import org.mnistkit.nn.History;
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
 * The walkthrough's dense network (784-512-10, rmsprop, batch 128): one epoch over the training
 * rows ({@link PredictBenchmark} predicts).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class NetworkBenchmark {

  /** Training rows: the first n, all 60000 by default. */
  @Param({"60000"})
  public int trainRows;

  MnistState data;
  FloatMatrix trainY;
  Sequential model;

  /** Loads the data and compiles the model (fresh weights). */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    data = new MnistState(trainRows, 1, 123);
    trainY = data.train.toCategorical();
    model = NetworkStep.mlp(784, 10, 123);
  }

  /** @return the history of one more epoch of training */
  @Benchmark
  public History epoch() {
    return model.fit(data.trainX, trainY, fit -> fit.epochs(1).batchSize(128).verbose(0));
  }

}
