/**
 * Truncated SVD and PCA: {@link org.mnistkit.eda.svd.TruncatedSvd} (irlba's augmented implicitly
 * restarted Lanczos bidiagonalization), {@link org.mnistkit.eda.svd.RandomizedSvd} (Halko,
 * Martinsson and Tropp) and {@link org.mnistkit.eda.svd.Pca} (prcomp_irlba; the fitted
 * {@link org.mnistkit.eda.svd.PcaModel} is an {@link org.mnistkit.core.model.Embedding} with
 * provenance that saves and loads itself in core's model file framing, file kind "MKPC" version 2,
 * version-1 files still read; {@link org.mnistkit.eda.svd.PcaLoader} registers the kind with
 * {@link org.mnistkit.core.model.Models#load}), all reading a
 * {@link org.mnistkit.core.tensor.FloatMatrix} through a
 * {@link org.mnistkit.eda.svd.LinearOperator}: in place ({@link org.mnistkit.eda.svd.DenseOperator})
 * or, when most entries are zero, through an index of the non-zero ones
 * ({@link org.mnistkit.eda.svd.SparseOperator}).
 */
package org.mnistkit.eda.svd;
