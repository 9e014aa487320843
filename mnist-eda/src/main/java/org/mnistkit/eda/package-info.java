/**
 * Exploring image data: truncated SVD and PCA ({@code svd}), UMAP ({@code umap}), nearest
 * neighbours ({@code knn}), embedding quality ({@code quality}) and PNG plots ({@code plot}).
 * The fitted {@link org.mnistkit.eda.svd.PcaModel} and {@link org.mnistkit.eda.umap.UmapModel}
 * are {@link org.mnistkit.core.model.Embedding}s: {@code transform(x, threads)} places new rows,
 * {@code provenance()} says where the model came from, and {@code save}/{@code load} keep it in
 * mnist-core's model file framing ({@link org.mnistkit.core.io.ModelWriter}), which {@link
 * org.mnistkit.core.model.Models#load} also reads through this module's {@code ModelLoader}
 * services.
 */
package org.mnistkit.eda;
