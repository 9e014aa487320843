package org.mnistkit.eda.umap;

import java.util.SplittableRandom;
import org.mnistkit.eda.svd.SvdResult;
import org.mnistkit.eda.svd.TruncatedSvd;

/**
 * UMAP's default initialisation as uwot 0.1.14 does it without RSpectra: the eigenvectors of the
 * normalised graph Laplacian with the 2nd to (c+1)-th smallest eigenvalues, found as the leading
 * singular vectors of the shifted Laplacian {@code I + D^-1/2 W D^-1/2} with our irlba port
 * ({@link TruncatedSvd}, tolerance 1e-5, at most 1000 passes, as uwot's
 * {@code irlba_spectral_tsvd}), then scaled so that the largest absolute coordinate is 10 and
 * jittered with Gaussian noise of standard deviation 1e-4 ({@code scale_and_jitter}). Falls back to
 * uniform random coordinates in [-10, 10] when the graph has fewer than 3 points or the SVD does
 * not converge (uwot's fallbacks); the caller handles disconnected graphs.
 */
final class SpectralInit {

  /** What happened, for the verbose log. */
  record Result(float[] coords, String method) {}

  private SpectralInit() {}

  static Result compute(FuzzyGraph graph, int nComponents, long seed, int threads) {
    int n = graph.n;
    SplittableRandom random = new SplittableRandom(seed);
    if (n < 3 || nComponents + 1 >= n) {
      return new Result(uniform(n, nComponents, random), "random (graph too small)");
    }
    SvdResult svd = TruncatedSvd.builder().nv(nComponents + 1).seed(random.nextLong())
        .threads(threads).build().fit(graph.modifiedLaplacian());
    if (!svd.converged()) {
      return new Result(uniform(n, nComponents, random),
          "random (spectral initialisation did not converge)");
    }
    float[] v = svd.v().data();
    int cols = nComponents + 1;
    double maxAbs = 0.0;
    for (int i = 0; i < n; i++) {
      for (int c = 1; c < cols; c++) {
        maxAbs = Math.max(maxAbs, Math.abs(v[i * cols + c]));
      }
    }
    double expansion = maxAbs > 0 ? 10.0 / maxAbs : 1.0;
    float[] coords = new float[n * nComponents];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < nComponents; c++) {
        coords[i * nComponents + c] =
            (float) (v[i * cols + c + 1] * expansion + 1e-4 * random.nextGaussian());
      }
    }
    return new Result(coords, "spectral (normalized Laplacian + noise, " + svd.iterations()
        + " irlba passes)");
  }

  /** uwot's {@code rand_init}: uniform in [-10, 10]. */
  static float[] uniform(int n, int nComponents, SplittableRandom random) {
    float[] coords = new float[n * nComponents];
    for (int i = 0; i < coords.length; i++) {
      coords[i] = (float) (random.nextDouble() * 20.0 - 10.0);
    }
    return coords;
  }
}
