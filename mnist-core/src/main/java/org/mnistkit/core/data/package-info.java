/**
 * MNIST and Fashion-MNIST: {@link org.mnistkit.core.data.Mnist#load()} for the verified,
 * cached dataset, {@link org.mnistkit.core.data.LabeledImages} for one split, and
 * {@link org.mnistkit.core.data.DatasetLoader} for the cache folder and the download sources.
 */
package org.mnistkit.core.data;
