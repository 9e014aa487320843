package org.mnistkit.core.model;

import org.mnistkit.core.concurrent.Workers;
import org.mnistkit.core.tensor.FloatMatrix;

/**
 * A fitted embedding (PCA, UMAP): places new rows into the space it learned, as scikit-learn's
 * {@code transform} and uwot's {@code umap_transform} do. The walkthrough and the Spark module use
 * PCA and UMAP only through this contract.
 *
 * <p>Thread counts are the caller's choice at transform time, never part of the saved model; the
 * method without a {@code threads} argument uses {@link Workers#defaultThreads()} (all cores).
 * Implementations are immutable: several threads may transform at once.
 */
public interface Embedding extends FittedModel {

  /** @return p, the number of features (columns) each row must have, 784 for MNIST */
  int numFeatures();

  /** @return d, the number of output dimensions ({@code nComponents}), at least 1 */
  int nComponents();

  /**
   * @param x n x p rows, finite values on the scale the model was fitted on
   * @param threads the most threads to use, at least 1
   * @return a new n x d matrix: the rows' coordinates in the embedding
   * @throws IllegalArgumentException when x does not have p columns, has a NaN or infinite value,
   *     or threads is below 1
   */
  FloatMatrix transform(FloatMatrix x, int threads);

  /**
   * {@link #transform(FloatMatrix, int)} on all cores.
   *
   * @param x n x p rows
   * @return a new n x d matrix
   * @throws IllegalArgumentException as {@link #transform(FloatMatrix, int)}
   */
  default FloatMatrix transform(FloatMatrix x) {
    return transform(x, Workers.defaultThreads());
  }
}
