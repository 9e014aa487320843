/**
 * The one model contract: {@link org.mnistkit.core.model.FittedModel} (provenance and atomic
 * save), {@link org.mnistkit.core.model.Classifier} (the forest and the network), {@link
 * org.mnistkit.core.model.Embedding} (PCA and UMAP), {@link
 * org.mnistkit.core.model.ClassificationReport}, {@link org.mnistkit.core.model.Provenance}, and
 * {@link org.mnistkit.core.model.Models#load} for any saved model. The file framing lives in
 * {@link org.mnistkit.core.io}.
 */
package org.mnistkit.core.model;
