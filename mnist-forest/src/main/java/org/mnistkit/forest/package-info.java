/**
 * A random forest classifier of CART trees with R randomForest's defaults, written in plain Java.
 *
 * <ul>
 *   <li>{@link org.mnistkit.forest.RandomForest} holds the settings and fits;
 *   <li>{@link org.mnistkit.forest.RandomForestModel} is the immutable fitted forest and a core
 *       {@link org.mnistkit.core.model.Classifier}: {@code predictProba(x)} (the share of trees
 *       voting for each class), {@code predictClasses(x)} and its scikit-learn name {@code
 *       predict(x)} (the majority vote), {@code classes()}, {@code classificationReport(x, y)},
 *       each with an optional thread count chosen by the caller; out-of-bag error and confusion
 *       matrix, {@link org.mnistkit.forest.Importance}; {@code provenance()} (mnistkit and Java
 *       versions, time, training data and its SHA-256, settings, seed, fit time);
 *   <li>{@code RandomForestModel.save(file)} / {@code load(file)} use mnistkit's shared model file
 *       framing (format "MKRF" version 2, written atomically; version-1 files of earlier releases
 *       still load), and {@code org.mnistkit.core.model.Models.load(file)} finds forests through
 *       {@link org.mnistkit.forest.ForestLoader};
 *   <li>{@code RandomForestModel.exportOnnx(file)} writes an ONNX-ML model ({@code
 *       TreeEnsembleClassifier}; input "input" float [N, p] scaled as the training data, outputs
 *       "label" int64 [N] and "probabilities" float [N, k]) that ONNX Runtime runs with the same
 *       labels and probabilities.
 * </ul>
 *
 * <p>Source: Breiman (2001), Random Forests, Machine Learning 45(1); Breiman, Friedman, Olshen and
 * Stone (1984), Classification and Regression Trees; Liaw and Wiener's R package randomForest for
 * the defaults, the OOB error and the importance measures.
 */
package org.mnistkit.forest;
