/**
 * mnistkit on Apache Spark (provided scope): {@link org.mnistkit.spark.IdxFrames} reads IDX
 * files into {@code label}/{@code features} DataFrames, {@link
 * org.mnistkit.spark.MnistRandomForestClassifier} grows our random forest on the executors as a
 * Spark ML {@code Estimator}, and {@link org.mnistkit.spark.ModelScoring} applies any saved
 * mnistkit model to a DataFrame in batches on the executors.
 */
package org.mnistkit.spark;
