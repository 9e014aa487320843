/**
 * UMAP with uwot's parameters: {@link org.mnistkit.eda.umap.Umap} (settings and fit),
 * {@link org.mnistkit.eda.umap.UmapModel} (embedding, an {@link
 * org.mnistkit.core.model.Embedding} whose {@code transform(x, threads)} places new rows, with
 * provenance; saved in core's model file framing, file kind "MKUM" version 2, version-1 files
 * still read), {@link org.mnistkit.eda.umap.UmapLoader} (registers the kind with {@link
 * org.mnistkit.core.model.Models#load}) and {@link org.mnistkit.eda.umap.CurveParameters} (a and b
 * from spread and minDist).
 */
package org.mnistkit.eda.umap;
