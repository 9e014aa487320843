package org.mnistkit.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mnistkit.core.tensor.FloatMatrix;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Forward passes in batches (dropout off) and the metrics computed from their outputs. */
final class Inference {

  private Inference() {}

  /**
   * @param x inputs, already checked
   * @param from first row, inclusive
   * @param to last row, exclusive; every row in between is predicted, including a last partial
   *     batch
   * @param layout column reordering for image inputs, or null
   * @return (to - from) x units outputs, row-major
   */
  static float[] predict(MultiLayerNetwork net, FloatMatrix x, int from, int to, int batchSize, int units,
      int[] layout) {
    int n = to - from;
    float[] out = new float[Math.multiplyExact(n, units)];
    int bs = Math.min(batchSize, n);
    INDArray full = NdArrays.matrix(bs, x.cols());
    INDArray partial = null;
    for (int s = 0; s < n; s += bs) {
      int m = Math.min(bs, n - s);
      INDArray batch = full;
      if (m < bs) {
        partial = NdArrays.matrix(m, x.cols());
        batch = partial;
      }
      NdArrays.putRange(batch, x, from + s, m, layout);
      NdArrays.copyTo(net.output(batch, false), out, s * units, m * units);
    }
    full.close();
    if (partial != null) {
      partial.close();
    }
    return out;
  }

  /**
   * Averages the loss and the metrics over rows [from, to), counting every row once.
   *
   * @return "loss" and each metric's name, in that order
   */
  static Map<String, Double> evaluate(MultiLayerNetwork net, Loss loss, List<Metric> metrics, FloatMatrix x,
      FloatMatrix y, int from, int to, int batchSize, int units, int[] layout) {
    float[] p = predict(net, x, from, to, batchSize, units, layout);
    int n = to - from;
    int yw = y.cols();
    float[] yd = y.data();
    double lossSum = 0;
    double[] metricSums = new double[metrics.size()];
    for (int i = 0; i < n; i++) {
      int pOff = i * units;
      int yOff = (from + i) * yw;
      lossSum += loss.rowLoss(p, pOff, yd, yOff, units);
      for (int k = 0; k < metricSums.length; k++) {
        metricSums[k] += metrics.get(k).rowScore(loss, p, pOff, yd, yOff, units);
      }
    }
    Map<String, Double> result = new LinkedHashMap<>();
    result.put("loss", lossSum / n);
    for (int k = 0; k < metricSums.length; k++) {
      result.put(metrics.get(k).kerasName(), metricSums[k] / n);
    }
    return result;
  }
}
