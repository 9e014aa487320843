package org.mnistkit.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.mnistkit.core.concurrent.Workers;
import org.mnistkit.eda.svd.DenseOperator;
import org.mnistkit.eda.svd.SvdResult;
import org.mnistkit.eda.svd.TruncatedSvd;
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
 * The walkthrough's {@code irlba(A = train_images, nv = 30)} on the 60000 x 784 scaled matrix.
 * {@code operator=auto} is what {@link TruncatedSvd#fit(org.mnistkit.core.tensor.FloatMatrix)}
 * does (MNIST is 19% non-zero, so it indexes the non-zero entries first); {@code operator=dense}
 * reads the matrix in place through a {@link DenseOperator}, for comparison.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class SvdBenchmark {

  /** Rows: the first n training images. */
  @Param({"60000"})
  public int rows;

  /** Singular triplets. */
  @Param({"30"})
  public int nv;

  /** How the matrix is read: "auto" (as fit(FloatMatrix) chooses) or "dense" (in place). */
  @Param({"auto", "dense"})
  public String operator = "auto";

  MnistState data;
  TruncatedSvd svd;

  /** Loads and scales the data. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    data = new MnistState(rows, 1, 123);
    svd = TruncatedSvd.builder().nv(nv).seed(123).build();
  }

  /** @return nv singular triplets */
  @Benchmark
  public SvdResult truncatedSvd() {
    if (operator.equals("dense")) {
      try (Workers workers = new Workers(svd.threads())) {
        return svd.fit(DenseOperator.of(data.trainX, workers));
      }
    }
    return svd.fit(data.trainX);
  }
}
