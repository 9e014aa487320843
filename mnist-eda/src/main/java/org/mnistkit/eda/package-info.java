/** Truncated SVD, PCA, UMAP and plots (to come). */
package org.mnistkit.eda;
