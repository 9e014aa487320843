package org.mnistkit.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.mnistkit.core.data.DatasetLoader;
import org.mnistkit.core.data.DatasetSpec;
import org.mnistkit.core.data.MnistDataset;
import org.mnistkit.core.tensor.FloatMatrix;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading MNIST from the verified cache and producing the walkthrough's matrices: the whole
 * dataset read and checked, then the 60000 x 784 training matrix scaled to [0, 1]. The cache is
 * filled once in setup (fetching if needed), so the measured time is reading, not downloading.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LoadMnistBenchmark {

  private DatasetLoader loader;
  private MnistDataset loaded;

  /** Fills the cache once so that no iteration downloads. */
  @Setup(Level.Trial)
  public void fillCache() throws IOException {
    loader = DatasetLoader.builder().quiet(true).build();
    loaded = loader.load(DatasetSpec.MNIST);
  }

  /** @return all four files read from the cache (checksums trusted from the stamp) */
  @Benchmark
  public MnistDataset load() throws IOException {
    return loader.load(DatasetSpec.MNIST);
  }

  /** @return the 60000 x 784 training matrix scaled to [0, 1], from images already in memory */
  @Benchmark
  public FloatMatrix reshapeAndScale() {
    return loaded.train().toScaledMatrix();
  }

  /** @return load plus reshape and scale: the walkthrough's first three steps */
  @Benchmark
  public FloatMatrix loadReshapeAndScale() throws IOException {
    return loader.load(DatasetSpec.MNIST).train().toScaledMatrix();
  }
}
