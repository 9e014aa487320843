/**
 * Numbers that judge an embedding: kNN purity and trustworthiness
 * ({@link org.mnistkit.eda.quality.EmbeddingQuality}).
 */
package org.mnistkit.eda.quality;
