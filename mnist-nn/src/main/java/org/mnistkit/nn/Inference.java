package org.mnistkit.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mnistkit.core.concurrent.Workers;
import org.mnistkit.core.tensor.FloatMatrix;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Forward passes (dropout off) and the metrics computed from their outputs: an all-dense network
 * ({@link DenseShape}) is predicted by {@link DenseForward}, any other by Deeplearning4j in
 * batches.
 */
final class Inference {

  /** Batches per task of a parallel prediction: tasks are whole batches, so results do not depend on threads. */
  private static final int BATCHES_PER_TASK = 8;

  private Inference() {}

  /**
   * Predicts every row of x on up to {@code threads} threads, with {@link DenseForward} for an
   * all-dense network (the batch size is then not used), else with Deeplearning4j.
   *
   * @param threads the most threads, at least 1
   * @return x.rows() x units outputs, row-major
   */
  static float[] predict(Sequential model, FloatMatrix x, int batchSize, int threads) {
    DenseShape shape = DenseShape.of(model);
    if (shape != null) {
      return DenseForward.predict(model, shape, x, 0, x.rows(), threads);
    }
    return predict(model.network(), x, batchSize, model.architecture().units(), model.inputLayout(), threads);
  }

  /**
   * Rows [from, to) of x on the calling thread, as {@link #predict(Sequential, FloatMatrix, int,
   * int)} computes them.
   */
  static float[] predict(Sequential model, FloatMatrix x, int from, int to, int batchSize) {
    DenseShape shape = DenseShape.of(model);
    if (shape != null) {
      return DenseForward.predict(model, shape, x, from, to, 1);
    }
    return predict(model.network(), x, from, to, batchSize, model.architecture().units(), model.inputLayout());
  }

  /**
   * Predicts every row of x on up to {@code threads} threads with Deeplearning4j. A network computes
   * one forward pass at a time (its output method is synchronized), so each extra thread works on
   * its own copy of the network ({@code MultiLayerNetwork.clone()}, made for this call and closed
   * after it), on contiguous blocks of {@value #BATCHES_PER_TASK} batches. Rows are batched
   * exactly as on one thread, so the result does not depend on the thread count. Each thread's
   * native operations run with ND4J's own thread settings (see Nd4jRuntime); nothing process-wide
   * is changed here.
   *
   * @param threads the most threads, at least 1
   * @return x.rows() x units outputs, row-major
   */
  private static float[] predict(MultiLayerNetwork net, FloatMatrix x, int batchSize, int units, int[] layout,
      int threads) {
    int n = x.rows();
    int block = batchSize * BATCHES_PER_TASK;
    int tasks = (n + block - 1) / block;
    if (threads == 1 || tasks == 1) {
      return predict(net, x, 0, n, batchSize, units, layout);
    }
    float[] out = new float[Math.multiplyExact(n, units)];
    try (Workers workers = new Workers(Math.min(threads, tasks))) {
      MultiLayerNetwork[] nets = new MultiLayerNetwork[workers.workersFor(tasks)];
      nets[0] = net;
      try {
        for (int w = 1; w < nets.length; w++) {
          nets[w] = net.clone();
        }
        workers.forEach(tasks, (worker, t) -> {
          int from = t * block;
          int to = Math.min(n, from + block);
          float[] part = predict(nets[worker], x, from, to, batchSize, units, layout);
          System.arraycopy(part, 0, out, from * units, part.length);
        });
      } finally {
        for (int w = 1; w < nets.length; w++) {
          if (nets[w] != null) {
            nets[w].close();
          }
        }
      }
    }
    return out;
  }

  /**
   * @param x inputs, already checked
   * @param from first row, inclusive
   * @param to last row, exclusive; every row in between is predicted, including a last partial
   *     batch
   * @param layout column reordering for image inputs, or null
   * @return (to - from) x units outputs, row-major
   */
  private static float[] predict(MultiLayerNetwork net, FloatMatrix x, int from, int to, int batchSize, int units,
      int[] layout) {
    int n = to - from;
    float[] out = new float[Math.multiplyExact(n, units)];
    int bs = Math.min(batchSize, n);
    INDArray full = NdArrays.matrix(bs, x.cols());
    INDArray partial = null;
    try {
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
    } finally {
      full.close();
      if (partial != null) {
        partial.close();
      }
    }
    return out;
  }

  /**
   * Averages the loss and the metrics over rows [from, to), counting every row once.
   *
   * @return "loss" and each metric's name, in that order
   */
  static Map<String, Double> evaluate(Sequential model, FloatMatrix x, FloatMatrix y, int from, int to,
      int batchSize) {
    float[] p = predict(model, x, from, to, batchSize);
    Loss loss = model.loss();
    List<Metric> metrics = model.metrics();
    int units = model.architecture().units();
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
