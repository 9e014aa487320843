/**
 * Exploring image data: truncated SVD and PCA ({@code svd}), UMAP ({@code umap}), nearest
 * neighbours ({@code knn}), embedding quality ({@code quality}), PNG plots ({@code plot}) and the
 * binary model files ({@code io}).
 */
package org.mnistkit.eda;
