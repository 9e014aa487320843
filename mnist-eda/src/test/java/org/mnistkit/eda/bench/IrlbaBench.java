package org.mnistkit.eda.bench;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.mnistkit.core.data.LabeledImages;
import org.mnistkit.core.data.Mnist;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.eda.svd.SvdResult;
import org.mnistkit.eda.svd.TruncatedSvd;
import org.mnistkit.eda.testing.Fixtures;

/**
 * Side-by-side benchmark of {@code irlba(train / 255, nv = 30)}: prints one line per repetition.
 * Usage: {@code java -cp ... org.mnistkit.eda.bench.IrlbaBench [reps] [threads] [checkRows]};
 * with checkRows > 0 it also compares nv = 30 values on the first checkRows images with a dense
 * commons-math3 SVD. Not a test.
 */
public final class IrlbaBench {

  private IrlbaBench() {}

  public static void main(String[] args) throws Exception {
    int reps = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int checkRows = args.length > 2 ? Integer.parseInt(args[2]) : 0;
    LabeledImages train = Mnist.load().train();
    FloatMatrix x = train.toScaledMatrix();
    TruncatedSvd svd = TruncatedSvd.builder().nv(30).threads(threads).build();
    double[] times = new double[reps];
    SvdResult s = null;
    for (int r = 0; r < reps; r++) {
      long t0 = System.nanoTime();
      s = svd.fit(x);
      times[r] = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT, "java irlba n=%d nv=30 s=%.3f iter=%d mprod=%d d1=%.10g d30=%.10g%n",
          x.rows(), times[r], s.iterations(), s.matrixVectorProducts(), s.singularValues()[0],
          s.singularValues()[29]);
    }
    double[] sorted = times.clone();
    Arrays.sort(sorted);
    System.out.printf(Locale.ROOT, "java irlba median s=%.3f converged=%s%n", sorted[reps / 2],
        s.converged());
    StringBuilder d = new StringBuilder("java irlba d =");
    for (double v : s.singularValues()) {
      d.append(String.format(Locale.ROOT, " %.10g", v));
    }
    System.out.println(d);
    if (checkRows > 0) {
      FloatMatrix sub = x.rowRange(0, checkRows);
      double[] ours = TruncatedSvd.builder().nv(30).threads(threads).build().fit(sub)
          .singularValues();
      double[] dense = new SingularValueDecomposition(Fixtures.toReal(sub)).getSingularValues();
      double worst = 0;
      for (int i = 0; i < 30; i++) {
        worst = Math.max(worst, Math.abs(ours[i] - dense[i]) / dense[i]);
      }
      System.out.printf(Locale.ROOT, "check %d x 784: max relative difference to dense SVD %.3g%n",
          checkRows, worst);
    }
  }
}
