package org.mnistkit.eda.svd;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.mnistkit.core.concurrent.Progress;
import org.mnistkit.core.concurrent.Workers;
import org.mnistkit.core.tensor.FloatMatrix;

/**
 * The augmented implicitly restarted Lanczos bidiagonalization of Baglama and Reichel (2005),
 * "Augmented implicitly restarted Lanczos bidiagonalization methods", SIAM J. Sci. Comput. 27(1),
 * following the structure of the R package irlba (B. W. Lewis), function {@code irlba()}:
 * a Lanczos bidiagonalization {@code A V = W B}, {@code A^T W = V B^T + F e^T} of size
 * {@code work}, an SVD of the small matrix B, a convergence test on the residuals
 * {@code ||F|| |u_B(last, i)|} against {@code tol * max singular value} together with irlba's
 * test on the relative change of each value between passes, and a restart that keeps the k
 * leading Ritz vectors plus the residual direction (k grows by up to 3 as values converge).
 *
 * <p>Written from the paper and from reading irlba's R code; differences: full
 * reorthogonalisation of both bases is always on (irlba's default {@code reorth = TRUE}), vectors
 * are double precision while the matrix may be float, the start vector is a seeded Gaussian
 * from {@link SplittableRandom} (irlba uses R's {@code rnorm}), and the "smallest values",
 * deflation, shift and complex options are not provided. Package-private engine behind
 * {@link TruncatedSvd}.
 */
final class Irlba {

  private static final double EPS = Math.ulp(1.0);
  /** irlba's invariant-subspace tolerance, eps^(4/5). */
  private static final double EPS2 = Math.pow(EPS, 0.8);
  private static final double EPS23 = Math.pow(EPS, 2.0 / 3.0);
  /** irlba's maxritz: at most this many extra Ritz vectors are kept as values converge. */
  private static final int MAX_RITZ = 3;
  private static final int BLOCKS = 32;
  /** The shortest block worth a thread in the Gram-Schmidt passes. */
  private static final int MIN_BLOCK = 2048;
  /** Rows per block when the bases are recombined at a restart (two 4 kB buffers per column). */
  private static final int COMBINE_BLOCK = 512;

  private final LinearOperator a;
  private final int nv;
  private final int work;
  private final double tol;
  private final int maxIterations;
  private final SplittableRandom random;
  private final Workers workers;
  private final int m;
  private final int n;

  private int mprod;
  private final Progress progress;

  Irlba(LinearOperator a, int nv, int work, double tol, int maxIterations, long seed,
      Workers workers, Progress progress) {
    this.progress = progress;
    this.a = a;
    this.nv = nv;
    this.m = a.rows();
    this.n = a.cols();
    this.work = Math.min(work, Math.min(m, n));
    this.tol = tol;
    this.maxIterations = maxIterations;
    this.random = new SplittableRandom(seed);
    this.workers = workers;
  }

  SvdResult run() {
    double[][] vBasis = new double[work][n];
    double[][] wBasis = new double[work][m];
    double[] f = new double[n];
    double[][] b = new double[work][work];
    gaussian(vBasis[0]);
    scale(vBasis[0], 1.0 / norm(vBasis[0]));

    int k = nv;
    int iter = 1;
    double smax = 1.0;
    double[] lastValues = null;
    SingularValueDecomposition bsvd = null;
    boolean converged = false;
    double s = 0.0;
    int reported = 0; // the most values seen converged at once: what progress is told
    while (true) {
      int j = iter == 1 ? 0 : k;
      a.multiply(vBasis[j], wBasis[j]);
      mprod++;
      if (iter != 1) {
        orthogonalize(wBasis[j], wBasis, j);
      }
      s = norm(wBasis[j]);
      if (s < EPS2 && j == 0) {
        throw new IllegalArgumentException(
            "the start vector lies near the null space of the matrix (is the matrix all zeros?)");
      }
      s = normalizeOrReplace(wBasis[j], wBasis, j, s);

      while (j < work) {
        a.multiplyTranspose(wBasis[j], f);
        mprod++;
        axpy(-s, vBasis[j], f);
        orthogonalize(f, vBasis, j + 1);
        if (j + 1 < work) {
          double r = norm(f);
          if (r < EPS2) {
            gaussian(f);
            orthogonalize(f, vBasis, j + 1);
            copyScaled(f, 1.0 / norm(f), vBasis[j + 1]);
            r = 0.0;
          } else {
            copyScaled(f, 1.0 / r, vBasis[j + 1]);
          }
          b[j][j] = s;
          b[j][j + 1] = r;
          a.multiply(vBasis[j + 1], wBasis[j + 1]);
          mprod++;
          axpy(-r, wBasis[j], wBasis[j + 1]);
          orthogonalize(wBasis[j + 1], wBasis, j + 1);
          s = normalizeOrReplace(wBasis[j + 1], wBasis, j + 1, norm(wBasis[j + 1]));
        } else {
          b[j][j] = s;
        }
        j++;
      }

      double rf = norm(f);
      if (rf > 0) {
        scale(f, 1.0 / rf);
      }
      bsvd = new SingularValueDecomposition(new Array2DRowRealMatrix(b, false));
      double[] d = bsvd.getSingularValues();
      RealMatrix bu = bsvd.getU();
      smax = Math.max(EPS23, iter == 1 ? d[0] : Math.max(smax, d[0]));
      double[] residual = new double[work];
      for (int i = 0; i < work; i++) {
        residual[i] = Math.abs(rf * bu.getEntry(work - 1, i));
      }
      int subspaceConverged = 0;
      int bothConverged = 0;
      for (int i = 0; i < nv; i++) {
        boolean sub = residual[i] < tol * smax;
        double previous = lastValues == null ? 0.0 : lastValues[i];
        boolean delta = Math.abs(d[i] - previous) / d[i] < tol;
        if (sub) {
          subspaceConverged++;
        }
        if (sub && delta) {
          bothConverged++;
        }
      }
      lastValues = d;
      if (bothConverged >= nv || s == 0.0) {
        converged = true;
        progress.update(nv, nv);
        break;
      }
      reported = Math.max(reported, bothConverged);
      progress.update(reported, nv);
      k = Math.min(Math.max(k, nv + Math.min(subspaceConverged, MAX_RITZ)), work - 1);
      if (iter >= maxIterations) {
        break;
      }
      // Restart: keep k Ritz vectors and the residual direction.
      combineColumns(vBasis, bsvd.getV(), k, n);
      System.arraycopy(f, 0, vBasis[k], 0, n);
      combineColumns(wBasis, bu, k, m);
      for (double[] row : b) {
        java.util.Arrays.fill(row, 0.0);
      }
      for (int i = 0; i < k; i++) {
        b[i][i] = d[i];
        b[i][k] = rf * bu.getEntry(work - 1, i);
      }
      iter++;
    }

    double[] d = bsvd.getSingularValues();
    double[] values = java.util.Arrays.copyOf(d, nv);
    FloatMatrix u = project(wBasis, bsvd.getU(), m);
    FloatMatrix v = project(vBasis, bsvd.getV(), n);
    return new SvdResult(values, u, v, iter, mprod, converged, "irlba");
  }

  /** Normalises column j of the basis, or replaces it by a random orthogonal direction. */
  private double normalizeOrReplace(double[] col, double[][] basis, int j, double s) {
    if (s < EPS2) {
      gaussian(col);
      orthogonalize(col, basis, j);
      scale(col, 1.0 / norm(col));
      return 0.0;
    }
    scale(col, 1.0 / s);
    return s;
  }

  /**
   * x[:, 0..k) = x[:, 0..r) * q[0..r, 0..k), r = q.getRowDimension(), in place: each block of
   * {@link #COMBINE_BLOCK} rows is copied into a worker's buffer, its k new values are formed
   * there four columns at a time (each old value is loaded once for four products), and written
   * back. The buffers start at index 0, which lets the JIT vectorise the loops.
   */
  private void combineColumns(double[][] x, RealMatrix q, int k, int len) {
    int r = q.getRowDimension();
    double[][] qa = q.getData();
    int blocks = (len + COMBINE_BLOCK - 1) / COMBINE_BLOCK;
    double[][][] in = new double[workers.workersFor(blocks)][][];
    double[][][] out = new double[in.length][][];
    workers.forEach(blocks, (w, block) -> {
      if (in[w] == null) {
        in[w] = new double[r][COMBINE_BLOCK];
        out[w] = new double[k][COMBINE_BLOCK];
      }
      int from = block * COMBINE_BLOCK;
      int size = Math.min(len, from + COMBINE_BLOCK) - from;
      for (int t = 0; t < r; t++) {
        System.arraycopy(x[t], from, in[w][t], 0, size);
      }
      combineBlock(in[w], r, qa, k, out[w], size);
      for (int l = 0; l < k; l++) {
        System.arraycopy(out[w][l], 0, x[l], from, size);
      }
    });
  }

  /** out[l][0..size) = sum over t &lt; r of q[t][l] in[t][0..size), for l &lt; k. */
  private static void combineBlock(double[][] in, int r, double[][] q, int k, double[][] out,
      int size) {
    int l = 0;
    for (; l + 3 < k; l += 4) {
      double[] o0 = out[l];
      double[] o1 = out[l + 1];
      double[] o2 = out[l + 2];
      double[] o3 = out[l + 3];
      java.util.Arrays.fill(o0, 0, size, 0.0);
      java.util.Arrays.fill(o1, 0, size, 0.0);
      java.util.Arrays.fill(o2, 0, size, 0.0);
      java.util.Arrays.fill(o3, 0, size, 0.0);
      for (int t = 0; t < r; t++) {
        double[] col = in[t];
        double c0 = q[t][l];
        double c1 = q[t][l + 1];
        double c2 = q[t][l + 2];
        double c3 = q[t][l + 3];
        for (int i = 0; i < size; i++) {
          double xi = col[i];
          o0[i] += c0 * xi;
          o1[i] += c1 * xi;
          o2[i] += c2 * xi;
          o3[i] += c3 * xi;
        }
      }
    }
    for (; l < k; l++) {
      double[] o = out[l];
      java.util.Arrays.fill(o, 0, size, 0.0);
      for (int t = 0; t < r; t++) {
        double[] col = in[t];
        double c = q[t][l];
        for (int i = 0; i < size; i++) {
          o[i] += c * col[i];
        }
      }
    }
  }

  /** The first nv columns of x * q as a float matrix, len x nv. */
  private FloatMatrix project(double[][] x, RealMatrix q, int len) {
    combineColumns(x, q, nv, len);
    float[] out = new float[len * nv];
    for (int l = 0; l < nv; l++) {
      double[] col = x[l];
      for (int i = 0; i < len; i++) {
        out[i * nv + l] = (float) col[i];
      }
    }
    return FloatMatrix.wrap(len, nv, out);
  }

  /**
   * One classical Gram-Schmidt pass: y -= basis[0..count) (basis^T y), in parallel blocks of at
   * least {@link #MIN_BLOCK} entries (shorter vectors in one piece, where threads cost more than
   * they save). The block count depends only on the length, so sums do not depend on threads.
   */
  private void orthogonalize(double[] y, double[][] basis, int count) {
    if (count == 0) {
      return;
    }
    int len = y.length;
    int blocks = Math.max(1, Math.min(BLOCKS, len / MIN_BLOCK));
    double[][] partial = new double[blocks][count];
    workers.forChunks(len, blocks, (c, from, to) -> dots(basis, count, y, from, to, partial[c]));
    double[] coef = new double[count];
    for (double[] acc : partial) {
      for (int t = 0; t < count; t++) {
        coef[t] += acc[t];
      }
    }
    workers.forChunks(len, blocks, (c, from, to) -> {
      for (int t = 0; t < count; t++) {
        double[] q = basis[t];
        double ct = coef[t];
        for (int i = from; i < to; i++) {
          y[i] -= ct * q[i];
        }
      }
    });
  }

  /**
   * acc[t] = basis[t][from..to) . y[from..to) for t &lt; count, four basis vectors per pass so
   * that each y[i] is loaded once for four independent sums.
   */
  private static void dots(double[][] basis, int count, double[] y, int from, int to,
      double[] acc) {
    int t = 0;
    for (; t + 3 < count; t += 4) {
      double[] b0 = basis[t];
      double[] b1 = basis[t + 1];
      double[] b2 = basis[t + 2];
      double[] b3 = basis[t + 3];
      double s0 = 0.0;
      double s1 = 0.0;
      double s2 = 0.0;
      double s3 = 0.0;
      for (int i = from; i < to; i++) {
        double yi = y[i];
        s0 += b0[i] * yi;
        s1 += b1[i] * yi;
        s2 += b2[i] * yi;
        s3 += b3[i] * yi;
      }
      acc[t] = s0;
      acc[t + 1] = s1;
      acc[t + 2] = s2;
      acc[t + 3] = s3;
    }
    for (; t < count; t++) {
      acc[t] = dot(basis[t], y, from, to);
    }
  }

  private void gaussian(double[] x) {
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextGaussian();
    }
  }

  private static double norm(double[] x) {
    return Math.sqrt(dot(x, x, 0, x.length));
  }

  /** Sum of x[i] * y[i] over [from, to), four independent sums. */
  private static double dot(double[] x, double[] y, int from, int to) {
    double s0 = 0.0;
    double s1 = 0.0;
    double s2 = 0.0;
    double s3 = 0.0;
    int i = from;
    for (; i + 3 < to; i += 4) {
      s0 += x[i] * y[i];
      s1 += x[i + 1] * y[i + 1];
      s2 += x[i + 2] * y[i + 2];
      s3 += x[i + 3] * y[i + 3];
    }
    for (; i < to; i++) {
      s0 += x[i] * y[i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  private static void scale(double[] x, double factor) {
    for (int i = 0; i < x.length; i++) {
      x[i] *= factor;
    }
  }

  private static void copyScaled(double[] x, double factor, double[] out) {
    for (int i = 0; i < x.length; i++) {
      out[i] = x[i] * factor;
    }
  }

  private static void axpy(double alpha, double[] x, double[] y) {
    for (int i = 0; i < y.length; i++) {
      y[i] += alpha * x[i];
    }
  }
}
