/**
 * Runnable examples of mnist-spark: {@link org.mnistkit.spark.examples.SparkForestExample}
 * (our forest on Spark against MLlib's and the local one) and {@link
 * org.mnistkit.spark.examples.SparkScoringExample} (batch scoring with a saved network and UMAP).
 */
package org.mnistkit.spark.examples;
