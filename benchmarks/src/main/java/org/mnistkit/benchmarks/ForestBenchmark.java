package org.mnistkit.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.mnistkit.forest.RandomForest;
import org.mnistkit.forest.RandomForestModel;
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
 * The random forest at the walkthrough's size (3000 sampled rows, 500 trees) and at full size
 * (60000 rows, 100 trees): one fit per invocation ({@link PredictBenchmark} predicts). Quick
 * subset: {@code -p trainRows=3000}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class ForestBenchmark {

  /** Training rows sampled with seed 123; 500 trees at 3000 rows, 100 trees at 60000. */
  @Param({"3000", "60000"})
  public int trainRows;

  /** Worker threads; 0 means all cores. */
  @Param({"0"})
  public int threads;

  MnistState data;
  RandomForest forest;

  /** Loads and scales the data. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    data = new MnistState(trainRows, 1, 123);
    RandomForest.Builder b = RandomForest.builder().trees(trainRows >= 60000 ? 100 : 500).seed(123);
    if (threads > 0) {
      b.threads(threads);
    }
    forest = b.build();
  }

  /** @return a forest fitted on the training rows */
  @Benchmark
  public RandomForestModel fit() {
    return forest.fit(data.trainX, data.trainY);
  }

}
