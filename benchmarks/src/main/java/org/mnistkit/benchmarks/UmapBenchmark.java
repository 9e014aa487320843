package org.mnistkit.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.mnistkit.eda.umap.Umap;
import org.mnistkit.eda.umap.UmapModel;
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
 * UMAP with the walkthrough's parameters (n_neighbors 15, min_dist 0.001, pca 50, one SGD thread)
 * on the first 10000 training images.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class UmapBenchmark {

  /** Rows: the first n training images. */
  @Param({"10000"})
  public int rows;

  MnistState data;
  Umap umap;

  /** Loads and scales the data. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    data = new MnistState(rows, 1, 123);
    umap = Umap.builder().nNeighbors(15).minDist(0.001).pca(Math.min(50, rows - 1)).seed(123).sgdThreads(1).build();
  }

  /** @return the fitted embedding */
  @Benchmark
  public UmapModel fit() {
    return umap.fit(data.trainX);
  }
}
