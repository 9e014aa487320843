package org.mnistkit.examples.walkthrough;

import java.nio.file.Path;
import java.util.Map;
import org.mnistkit.core.model.Classifier;
import org.mnistkit.core.model.Provenance;
import org.mnistkit.core.tensor.FloatMatrix;

/** A classifier of classes 3, 5 and 9 that gives fixed probabilities for the i-th row, whatever its pixels. */
final class FixedClassifier implements Classifier {

  private final float[][] proba;

  FixedClassifier(float[][] proba) {
    this.proba = proba;
  }

  @Override
  public int[] classes() {
    return new int[] {3, 5, 9};
  }

  @Override
  public int numFeatures() {
    return 784;
  }

  @Override
  public FloatMatrix predictProba(FloatMatrix x, int threads) {
    if (x.rows() != proba.length) {
      throw new IllegalArgumentException("expected " + proba.length + " rows, got " + x.rows());
    }
    return FloatMatrix.of(proba);
  }

  @Override
  public Provenance provenance() {
    return Provenance.version1(100, 784, Map.of(), 1);
  }

  @Override
  public void save(Path file) {
    throw new UnsupportedOperationException("a test double");
  }
}
