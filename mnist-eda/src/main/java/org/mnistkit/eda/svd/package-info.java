/**
 * Truncated SVD and PCA: {@link org.mnistkit.eda.svd.TruncatedSvd} (irlba's augmented implicitly
 * restarted Lanczos bidiagonalization), {@link org.mnistkit.eda.svd.RandomizedSvd} (Halko,
 * Martinsson and Tropp) and {@link org.mnistkit.eda.svd.Pca} (prcomp_irlba), all reading a
 * {@link org.mnistkit.core.tensor.FloatMatrix} in place through a
 * {@link org.mnistkit.eda.svd.LinearOperator}.
 */
package org.mnistkit.eda.svd;
