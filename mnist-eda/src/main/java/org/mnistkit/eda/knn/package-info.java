/**
 * Nearest-neighbour search: exact ({@link org.mnistkit.eda.knn.ExactKnn},
 * {@link org.mnistkit.eda.knn.KdTree}) and the graph type they return
 * ({@link org.mnistkit.eda.knn.KnnGraph}); UMAP's approximate search lives in
 * {@code org.mnistkit.eda.umap}.
 */
package org.mnistkit.eda.knn;
