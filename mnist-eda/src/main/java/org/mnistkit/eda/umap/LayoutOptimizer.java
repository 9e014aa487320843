package org.mnistkit.eda.umap;

import java.util.SplittableRandom;
import org.mnistkit.core.concurrent.Workers;

/**
 * UMAP's layout optimisation: stochastic gradient descent on the fuzzy cross entropy with edge
 * sampling and negative sampling, as uwot's {@code optimize_layout_umap} (files
 * {@code sampler.h}, {@code gradient.h}, {@code update.h}, {@code epoch.h}) and umap-learn's
 * {@code optimize_layout_euclidean} do it, in our own code:
 *
 * <ul>
 *   <li>edge e is sampled every {@code epochsPerSample[e] = max weight / weight} epochs (first at
 *       epoch {@code epochsPerSample[e]}), and then draws
 *       {@code floor((epoch - nextNegative) / (epochsPerSample / negativeSampleRate))} negative
 *       samples, uniformly over the tail vertices;
 *   <li>attraction {@code -2ab d^(2(b-1)) / (1 + a d^(2b))}, repulsion
 *       {@code 2 gamma b / ((0.001 + d^2)(1 + a d^(2b)))}, squared distances at least float
 *       epsilon, each gradient component clipped to [-4, 4];
 *   <li>the attraction moves the tail too when {@code moveOther} (uwot's default for fitting;
 *       off for transforming new points), negative samples move only the head;
 *   <li>learning rate {@code alpha * (1 - max(0, epoch - 1) / nEpochs)}, uwot's linear decay.
 * </ul>
 *
 * With one thread the edges are visited in order with one generator seeded from the seed: fully
 * reproducible. With more threads the edges are split into blocks that update the shared
 * coordinates without locks (Hogwild, as uwot and umap-learn do), so results vary from run to run.
 */
final class LayoutOptimizer {

  private static final float DIST_EPS = Math.ulp(1.0f);
  private static final double CLIP = 4.0;

  /** Settings of one optimisation. */
  record Settings(double a, double b, double gamma, double alpha, double negativeSampleRate,
      int nEpochs, boolean moveOther, long seed, int threads) {}

  /** Reports progress after each epoch (for the verbose log); may be null. */
  interface Progress {
    void epoch(int epoch, int nEpochs);
  }

  private LayoutOptimizer() {}

  /**
   * Optimises head in place.
   *
   * @param head head coordinates, row-major, dim per vertex
   * @param tail tail coordinates (the same array as head when fitting)
   * @param dim output dimension
   * @param nTail number of tail vertices (negative samples are drawn from them)
   * @param edgeHead head vertex of each edge
   * @param edgeTail tail vertex of each edge
   * @param epochsPerSample per edge, max weight / weight (at least 1)
   */
  static void optimize(float[] head, float[] tail, int dim, int nTail, int[] edgeHead,
      int[] edgeTail, float[] epochsPerSample, Settings s, Progress progress) {
    int edges = edgeHead.length;
    float[] nextSample = epochsPerSample.clone();
    float[] epochsPerNegative = new float[edges];
    float[] nextNegative = new float[edges];
    float nsr = (float) (1.0 / s.negativeSampleRate());
    for (int e = 0; e < edges; e++) {
      epochsPerNegative[e] = epochsPerSample[e] * nsr;
      nextNegative[e] = epochsPerNegative[e];
    }
    boolean sameArrays = head == tail;
    Kernel kernel = new Kernel(s, dim, head, tail, nTail, edgeHead, edgeTail, epochsPerSample,
        nextSample, epochsPerNegative, nextNegative, sameArrays);
    SplittableRandom master = new SplittableRandom(s.seed());
    if (s.threads() <= 1) {
      long[] state = {master.nextLong()};
      for (int epoch = 0; epoch < s.nEpochs(); epoch++) {
        kernel.run(epoch, alpha(s, epoch), 0, edges, state);
        if (progress != null) {
          progress.epoch(epoch + 1, s.nEpochs());
        }
      }
      return;
    }
    int blocks = 8 * s.threads();
    try (Workers workers = new Workers(s.threads())) {
      for (int epoch = 0; epoch < s.nEpochs(); epoch++) {
        int ep = epoch;
        float alpha = alpha(s, epoch);
        long epochSeed = master.nextLong();
        workers.forChunks(edges, blocks, (c, from, to) ->
            kernel.run(ep, alpha, from, to, new long[] {epochSeed + 0x9E3779B97F4A7C15L * c}));
        if (progress != null) {
          progress.epoch(epoch + 1, s.nEpochs());
        }
      }
    }
  }

  private static float alpha(Settings s, int epoch) {
    return (float) (s.alpha() * (1.0 - Math.max(0, epoch - 1) / (double) s.nEpochs()));
  }

  /** The per-edge work of one epoch over a range of edges. */
  private static final class Kernel {
    private final float aF;
    private final double b;
    private final float attractCoef;
    private final float repelCoef;
    private final int dim;
    private final float[] head;
    private final float[] tail;
    private final int nTail;
    private final int[] edgeHead;
    private final int[] edgeTail;
    private final float[] epochsPerSample;
    private final float[] nextSample;
    private final float[] epochsPerNegative;
    private final float[] nextNegative;
    private final boolean moveOther;
    private final boolean sameArrays;

    Kernel(Settings s, int dim, float[] head, float[] tail, int nTail, int[] edgeHead,
        int[] edgeTail, float[] epochsPerSample, float[] nextSample, float[] epochsPerNegative,
        float[] nextNegative, boolean sameArrays) {
      this.aF = (float) s.a();
      this.b = s.b();
      this.attractCoef = (float) (-2.0 * s.a() * s.b());
      this.repelCoef = (float) (2.0 * s.gamma() * s.b());
      this.dim = dim;
      this.head = head;
      this.tail = tail;
      this.nTail = nTail;
      this.edgeHead = edgeHead;
      this.edgeTail = edgeTail;
      this.epochsPerSample = epochsPerSample;
      this.nextSample = nextSample;
      this.epochsPerNegative = epochsPerNegative;
      this.nextNegative = nextNegative;
      this.moveOther = s.moveOther();
      this.sameArrays = sameArrays;
    }

    /**
     * @param rng the state of a SplitMix64 generator (Steele, Lea and Flood 2014), advanced in
     *     place; inlined here because {@code SplittableRandom.nextInt(bound)} dominated profiles
     */
    void run(int epoch, float alpha, int from, int to, long[] rng) {
      float[] disp = new float[dim];
      long state = rng[0];
      for (int e = from; e < to; e++) {
        if (nextSample[e] > epoch) {
          continue;
        }
        int j = edgeHead[e] * dim;
        int k = edgeTail[e] * dim;
        float d2 = 0f;
        for (int c = 0; c < dim; c++) {
          float diff = head[j + c] - tail[k + c];
          disp[c] = diff;
          d2 += diff * diff;
        }
        d2 = Math.max(DIST_EPS, d2);
        float pd2b = FloatPow.pow(d2, b);
        float coef = (attractCoef * pd2b) / (d2 * (aF * pd2b + 1f));
        for (int c = 0; c < dim; c++) {
          float g = alpha * clip(coef * disp[c]);
          head[j + c] += g;
          if (moveOther) {
            tail[k + c] -= g;
          }
        }
        int negatives = (int) ((epoch - nextNegative[e]) / epochsPerNegative[e]);
        for (int p = 0; p < negatives; p++) {
          state += 0x9E3779B97F4A7C15L;
          long z = state;
          z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
          z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
          z ^= z >>> 31;
          // Lemire's multiply-shift maps 32 random bits to [0, nTail)
          int kn = (int) (((z >>> 32) * nTail) >>> 32) * dim;
          if (sameArrays && kn == j) {
            continue;
          }
          float r2 = 0f;
          for (int c = 0; c < dim; c++) {
            float diff = head[j + c] - tail[kn + c];
            disp[c] = diff;
            r2 += diff * diff;
          }
          r2 = Math.max(DIST_EPS, r2);
          float rc = repelCoef / ((0.001f + r2) * (aF * FloatPow.pow(r2, b) + 1f));
          for (int c = 0; c < dim; c++) {
            head[j + c] += alpha * clip(rc * disp[c]);
          }
        }
        nextSample[e] += epochsPerSample[e];
        nextNegative[e] += negatives * epochsPerNegative[e];
      }
      rng[0] = state;
    }

    private static float clip(float g) {
      return g > CLIP ? (float) CLIP : (g < -CLIP ? (float) -CLIP : g);
    }
  }
}
