/**
 * UMAP with uwot's parameters: {@link org.mnistkit.eda.umap.Umap} (settings and fit),
 * {@link org.mnistkit.eda.umap.UmapModel} (embedding, transform of new rows, save and load) and
 * {@link org.mnistkit.eda.umap.CurveParameters} (a and b from spread and minDist).
 */
package org.mnistkit.eda.umap;
