package org.mnistkit.eda.umap;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.mnistkit.core.concurrent.Workers;
import org.mnistkit.core.model.Provenance;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.eda.knn.ExactKnn;
import org.mnistkit.eda.knn.KnnGraph;
import org.mnistkit.eda.svd.Pca;
import org.mnistkit.eda.svd.PcaModel;

/** The phases of {@link Umap#fit}, in order; one instance per fit. */
final class UmapFitter {

  private final Umap s;
  private final Log log;
  private final SplittableRandom seeds;

  UmapFitter(Umap settings) {
    this.s = settings;
    this.log = new Log(settings.verbose);
    this.seeds = new SplittableRandom(settings.seed);
  }

  /**
   * @param x the training rows, checked
   * @param start {@link System#nanoTime()} when the fit began, for the provenance's fit time
   */
  UmapModel fit(FloatMatrix x, long start) {
    int n = x.rows();
    long pcaSeed = seeds.nextLong();
    long nnSeed = seeds.nextLong();
    long initSeed = seeds.nextLong();
    long sgdSeed = seeds.nextLong();
    log.say("UMAP embedding parameters a = %.4g b = %.4g", s.a, s.b);
    log.say("Read %d rows and found %d numeric columns", n, x.cols());
    FloatMatrix data = x;
    PcaModel pcaModel = null;
    if (s.pca > 0 && x.cols() <= s.pca) {
      log.say("Not reducing with PCA: X has only %d columns (pca = %d)", x.cols(), s.pca);
    }
    if (s.pca > 0 && x.cols() > s.pca) {
      if (s.pca >= n) {
        log.say("Skipping PCA: %d components need more than %d rows", s.pca, n);
      } else {
        log.say("Reducing X column dimension to %d via PCA", s.pca);
        pcaModel = Pca.builder().nComponents(s.pca).seed(pcaSeed).threads(s.threads).build()
            .fit(x);
        double explained = 0.0;
        for (double r : pcaModel.explainedVarianceRatio()) {
          explained += r;
        }
        log.say("PCA: %d components explained %.4g%% variance (%.1f s)", s.pca,
            100 * explained, log.elapsed());
        data = pcaModel.scores();
      }
    }
    KnnGraph knn;
    try (Workers workers = new Workers(s.threads)) {
      knn = neighbors(data, nnSeed, workers);
      log.say("Commencing smooth kNN distance calibration using %d thread%s", s.threads,
          s.threads == 1 ? "" : "s");
      int k = knn.k();
      SmoothKnn.Result sk = SmoothKnn.calibrate(knn.distances(), n, k,
          log2(k) * s.bandwidth, s.localConnectivity, true, workers);
      if (sk.failures() > 0) {
        log.say("%d smooth knn distance failures", sk.failures());
      }
      FuzzyGraph graph = FuzzyGraph.union(knn.indices(), sk.weights(), n, k, s.setOpMixRatio);
      float[] embedding = initialise(data, graph, pcaModel != null, initSeed);
      int nEpochs = s.nEpochs(n);
      if (nEpochs > 0 && graph.entries() > 0) {
        FuzzyGraph pruned = graph.prune(graph.maxWeight() / nEpochs);
        Edges edges = Edges.of(pruned);
        log.say("Commencing optimization for %d epochs, with %d positive edges using %d thread%s",
            nEpochs, edges.head.length, s.sgdThreads, s.sgdThreads == 1 ? "" : "s");
        LayoutOptimizer.optimize(embedding, embedding, s.nComponents, n, edges.head, edges.tail,
            edges.epochsPerSample,
            new LayoutOptimizer.Settings(s.a, s.b, s.repulsionStrength, s.learningRate,
                s.negativeSampleRate, nEpochs, true, sgdSeed, s.sgdThreads),
            log.epochs());
        centre(embedding, n, s.nComponents);
        log.say("Optimization finished (%.1f s)", log.elapsed());
      }
      Provenance provenance = Provenance.of(x, provenanceSettings(s, nEpochs), s.seed,
          (System.nanoTime() - start) / 1e9);
      return new UmapModel(s, x.rows(), x.cols(), data, pcaModel, knn, graph, embedding, nEpochs,
          provenance);
    }
  }

  /**
   * @param s the settings
   * @param nEpochsRun the epochs the fit ran ({@link Umap#nEpochs(int)})
   * @return the settings as {@link org.mnistkit.core.model.Provenance} records them, by uwot's
   *     names in camel case: nNeighbors, nComponents, metric, nEpochs (as run), learningRate,
   *     init, spread, minDist, setOpMixRatio, localConnectivity, bandwidth, repulsionStrength,
   *     negativeSampleRate, a, b, pca ("none" or the dimension), neighborMethod (the seed is
   *     recorded apart; thread counts and verbose are runtime settings and are not recorded)
   */
  static Map<String, Object> provenanceSettings(Umap s, int nEpochsRun) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("nNeighbors", s.nNeighbors);
    m.put("nComponents", s.nComponents);
    m.put("metric", s.metric);
    m.put("nEpochs", nEpochsRun);
    m.put("learningRate", s.learningRate);
    m.put("init", s.init);
    m.put("spread", s.spread);
    m.put("minDist", s.minDist);
    m.put("setOpMixRatio", s.setOpMixRatio);
    m.put("localConnectivity", s.localConnectivity);
    m.put("bandwidth", s.bandwidth);
    m.put("repulsionStrength", s.repulsionStrength);
    m.put("negativeSampleRate", s.negativeSampleRate);
    m.put("a", s.a);
    m.put("b", s.b);
    m.put("pca", s.pca == 0 ? "none" : Integer.toString(s.pca));
    m.put("neighborMethod", s.neighborMethod);
    return m;
  }

  private KnnGraph neighbors(FloatMatrix data, long seed, Workers workers) {
    int n = data.rows();
    int k = s.nNeighbors;
    boolean exact = s.neighborMethod == Umap.NeighborMethod.EXACT
        || (s.neighborMethod == Umap.NeighborMethod.AUTO && n < Umap.EXACT_BELOW)
        || k >= n; // NN-descent needs room to move
    if (exact) {
      log.say("Finding nearest neighbors exactly, n_neighbors = %d, metric = %s", k,
          s.metric.name().toLowerCase(java.util.Locale.ROOT));
      KnnGraph g = ExactKnn.selfGraph(data, k, s.metric, s.threads);
      log.say("Found nearest neighbors (%.1f s)", log.elapsed());
      return g;
    }
    int trees = Math.min(64, 5 + (int) Math.round(Math.pow(n, 0.25)));
    int leafSize = Math.max(10, k);
    int rounds = Math.max(5, (int) Math.round(Math.log(n) / Math.log(2)));
    log.say("Using NN-descent for neighbor search, n_neighbors = %d, metric = %s, "
        + "%d random projection trees", k, s.metric.name().toLowerCase(java.util.Locale.ROOT),
        trees);
    NnDescent nn = new NnDescent(data, k - 1, s.metric, seed, workers);
    KnnGraph others = nn.run(trees, leafSize, Math.min(60, k), rounds, 0.001);
    log.say("Found nearest neighbors after %d NN-descent rounds (%.1f s)", nn.rounds,
        log.elapsed());
    return withSelf(others);
  }

  /** Prepends each point itself at distance 0, as uwot's neighbour graphs hold it. */
  static KnnGraph withSelf(KnnGraph others) {
    int n = others.n();
    int k = others.k() + 1;
    int[] idx = new int[n * k];
    float[] dist = new float[n * k];
    for (int i = 0; i < n; i++) {
      idx[i * k] = i;
      for (int r = 1; r < k; r++) {
        idx[i * k + r] = others.index(i, r - 1);
        dist[i * k + r] = others.distance(i, r - 1);
      }
    }
    return new KnnGraph(n, k, idx, dist);
  }

  private float[] initialise(FloatMatrix data, FuzzyGraph graph, boolean reduced, long seed) {
    int n = data.rows();
    int c = s.nComponents;
    SplittableRandom random = new SplittableRandom(seed);
    Umap.Init init = s.init;
    if (init == Umap.Init.SPECTRAL) {
      int components = graph.connectedComponents();
      if (components > 1) {
        log.say("Found %d connected components, falling back to 'spca' initialization with "
            + "init_sdev = 1", components);
        float[] coords = pcaCoordinates(data, reduced, random);
        scaleColumns(coords, n, c, 1.0);
        return coords;
      }
      log.say("Initializing from normalized Laplacian + noise (using irlba)");
      SpectralInit.Result r = SpectralInit.compute(graph, c, random.nextLong(), s.threads);
      log.say("Initialized: %s (%.1f s)", r.method(), log.elapsed());
      return r.coords();
    }
    if (init == Umap.Init.PCA) {
      log.say("Initializing from PCA");
      return pcaCoordinates(data, reduced, random);
    }
    log.say("Initializing from uniform random");
    return SpectralInit.uniform(n, c, random);
  }

  /** The first nComponents principal component scores, or random when the data cannot give them. */
  private float[] pcaCoordinates(FloatMatrix data, boolean reduced, SplittableRandom random) {
    int n = data.rows();
    int c = s.nComponents;
    FloatMatrix scores;
    if (reduced && data.cols() >= c) {
      scores = data;
    } else if (c < Math.min(n, data.cols())) {
      scores = Pca.builder().nComponents(c).seed(random.nextLong()).threads(s.threads).build()
          .fit(data).scores();
    } else {
      log.say("Too few rows or columns for %d principal components, using uniform random", c);
      return SpectralInit.uniform(n, c, random);
    }
    float[] out = new float[n * c];
    int p = scores.cols();
    float[] a = scores.data();
    for (int i = 0; i < n; i++) {
      System.arraycopy(a, i * p, out, i * c, c);
    }
    return out;
  }

  /** Centres each column and scales it to standard deviation sd (R's scale()), like uwot's scale_coords. */
  static void scaleColumns(float[] coords, int n, int c, double sd) {
    for (int col = 0; col < c; col++) {
      double mean = 0.0;
      for (int i = 0; i < n; i++) {
        mean += coords[i * c + col];
      }
      mean /= n;
      double ss = 0.0;
      for (int i = 0; i < n; i++) {
        double t = coords[i * c + col] - mean;
        ss += t * t;
      }
      double current = n > 1 ? Math.sqrt(ss / (n - 1)) : 0.0;
      double factor = current > 0 ? sd / current : 1.0;
      for (int i = 0; i < n; i++) {
        coords[i * c + col] = (float) ((coords[i * c + col] - mean) * factor);
      }
    }
  }

  static void centre(float[] coords, int n, int c) {
    for (int col = 0; col < c; col++) {
      double mean = 0.0;
      for (int i = 0; i < n; i++) {
        mean += coords[i * c + col];
      }
      mean /= n;
      for (int i = 0; i < n; i++) {
        coords[i * c + col] = (float) (coords[i * c + col] - mean);
      }
    }
  }

  static double log2(double v) {
    return Math.log(v) / Math.log(2.0);
  }

  /** Positive edges of a graph for the optimiser: head j, tail i for each entry (i, j). */
  record Edges(int[] head, int[] tail, float[] epochsPerSample) {
    static Edges of(FuzzyGraph g) {
      int m = g.entries();
      int[] head = new int[m];
      int[] tail = new int[m];
      float[] eps = new float[m];
      double max = g.maxWeight();
      for (int i = 0; i < g.n; i++) {
        for (int e = g.rowStart[i]; e < g.rowStart[i + 1]; e++) {
          head[e] = g.cols[e];
          tail[e] = i;
          eps[e] = (float) (max / g.weights[e]);
        }
      }
      return new Edges(head, tail, eps);
    }
  }
}
