/**
 * UMAP with uwot's parameters: {@link org.mnistkit.eda.umap.Umap} (settings and fit),
 * {@link org.mnistkit.eda.umap.UmapModel} (embedding and transform of new rows) and
 * {@link org.mnistkit.eda.umap.CurveParameters} (a and b from spread and minDist).
 */
package org.mnistkit.eda.umap;
