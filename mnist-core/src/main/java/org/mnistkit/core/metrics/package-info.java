/**
 * Classification metrics: accuracy with its {@link org.mnistkit.core.metrics.WilsonInterval}, the {@link org.mnistkit.core.metrics.ConfusionMatrix}
 * (predictions as rows, truth as columns, printed like yardstick), per-class precision, recall
 * and F1 with macro averages, and Cohen's kappa.
 */
package org.mnistkit.core.metrics;
