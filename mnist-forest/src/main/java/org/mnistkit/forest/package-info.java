/**
 * A random forest classifier of CART trees with R randomForest's defaults, written in plain Java:
 * {@link org.mnistkit.forest.RandomForest} holds the settings and fits,
 * {@link org.mnistkit.forest.RandomForestModel} is the immutable fitted forest (predictions,
 * out-of-bag error and confusion matrix, {@link org.mnistkit.forest.Importance}, save and load).
 *
 * <p>Source: Breiman (2001), Random Forests, Machine Learning 45(1); Breiman, Friedman, Olshen and
 * Stone (1984), Classification and Regression Trees; Liaw and Wiener's R package randomForest for
 * the defaults, the OOB error and the importance measures.
 */
package org.mnistkit.forest;
