package org.mnistkit.eda.umap;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.mnistkit.core.io.ModelFormat;
import org.mnistkit.core.io.ModelReader;
import org.mnistkit.core.io.ModelWriter;
import org.mnistkit.core.model.Provenance;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.eda.knn.KnnGraph;
import org.mnistkit.eda.knn.Metric;
import org.mnistkit.eda.svd.PcaModel;

/**
 * Saves and loads {@link UmapModel}s in mnistkit's model file framing ({@link ModelWriter}: magic,
 * version, kind, provenance block, named length-prefixed blocks, CRC-32; written atomically).
 * The file holds everything {@link UmapModel#transform} needs, like uwot's {@code save_uwot} keeps
 * its nearest-neighbour index. Big-endian; a name is an unsigned short byte count and UTF-8
 * bytes. Version 2:
 *
 * <pre>
 * int "MKUM", int 2, name "UMAP", block "provenance"   (written by ModelWriter)
 * block "fit":        int nRows n (&gt;= 1), int nCols p (&gt;= 1), int nEpochs run (&gt;= 0)
 * block "settings":   int nNeighbors, int nComponents c, name metric, int nEpochs (-1 = auto),
 *                     double learningRate, name init, double spread, minDist, setOpMixRatio,
 *                     localConnectivity, bandwidth, repulsionStrength, negativeSampleRate, a, b,
 *                     int pca (0 = none), name neighborMethod, long seed
 * block "pca":        byte present; if 1: the PCA's provenance block and blocks (see PcaIO),
 *                     fitted on n x p
 * block "search":     byte stored; if 0 the search data are the PCA's scores (PCA required);
 *                     if 1: int d (the PCA's k, or p without PCA), float[n * d] row-major
 * block "neighbors":  int k (= nNeighbors); int[n * k] indices (-1..n-1); float[n * k] distances
 * block "graph":      int entries m; int[n + 1] row starts (0, non-decreasing, last = m);
 *                     int[m] columns (0..n-1); double[m] weights
 * block "embedding":  float[n * c] row-major
 * int CRC-32
 * </pre>
 *
 * <p>Version 1 (the previous release; read only) has the same fields one after another, with no
 * kind, blocks or provenance; its settings end with {@code int threads, int sgdThreads, byte
 * verbose}, which are ignored (runtime settings are chosen when transforming, never restored from
 * a file), and its PCA is a version-1 PCA block (int magic "MKPC", int 1, the fields). Its
 * provenance is {@link Provenance#version1}.
 *
 * <p>Loading checks the magic number, the version, the checksum, every size before allocating,
 * every index, the settings and their agreement with the stored PCA and neighbour graph, that the
 * provenance's data shape is n x p, that the embedding and search data are finite and the fuzzy
 * weights lie in [0, 1], and fails with a {@link org.mnistkit.core.io.FileFormatException} naming
 * the file.
 */
final class UmapIO {

  /** The UMAP file kind; version 2 is the layout above. */
  static final ModelFormat FORMAT = new ModelFormat("MKUM", "UMAP", 2);

  private UmapIO() {}

  static void write(UmapModel m, Path file) throws IOException {
    ModelWriter.write(file, FORMAT, m.provenance(), out -> writeBody(m, out));
  }

  static UmapModel read(Path file) throws IOException {
    try (ModelReader in = ModelReader.open(file, FORMAT)) {
      UmapModel m = readBody(in, in.version() == 1 ? null : in.provenance());
      in.finish();
      return m;
    }
  }

  /** Writes the model's blocks, from "fit" to "embedding". */
  static void writeBody(UmapModel m, ModelWriter out) throws IOException {
    out.block("fit", o -> {
      o.writeInt(m.nRows());
      o.writeInt(m.nCols());
      o.writeInt(m.nEpochs());
    });
    out.block("settings", o -> writeSettings(m.settings(), o));
    PcaModel pca = m.pca();
    out.block("pca", o -> {
      o.writeBoolean(pca != null);
      if (pca != null) {
        pca.writeTo(o);
      }
    });
    FloatMatrix search = m.searchData();
    boolean stored = pca == null || search != pca.scores();
    out.block("search", o -> {
      o.writeBoolean(stored);
      if (stored) {
        o.writeInt(search.cols());
        o.writeFloats(search.data());
      }
    });
    KnnGraph knn = m.neighbors();
    out.block("neighbors", o -> {
      o.writeInt(knn.k());
      o.writeInts(knn.indices());
      o.writeFloats(knn.distances());
    });
    FuzzyGraph g = m.graph();
    out.block("graph", o -> {
      o.writeInt(g.entries());
      o.writeInts(g.rowStart);
      o.writeInts(g.cols);
      o.writeDoubles(g.weights);
    });
    out.block("embedding", o -> o.writeFloats(m.embedding().data()));
  }

  private static void writeSettings(Umap s, ModelWriter out) throws IOException {
    out.writeInt(s.nNeighbors);
    out.writeInt(s.nComponents);
    out.writeName(s.metric.name());
    out.writeInt(s.nEpochs);
    out.writeDouble(s.learningRate);
    out.writeName(s.init.name());
    out.writeDoubles(new double[] {s.spread, s.minDist, s.setOpMixRatio, s.localConnectivity,
        s.bandwidth, s.repulsionStrength, s.negativeSampleRate, s.a, s.b});
    out.writeInt(s.pca);
    out.writeName(s.neighborMethod.name());
    out.writeLong(s.seed);
  }


  /**
   * Reads the model's sections after the header.
   *
   * @param provenance the model's provenance, or null for version 1, which has none
   */
  private static UmapModel readBody(ModelReader in, Provenance provenance) throws IOException {
    int[] fit = in.section("fit", r -> new int[] {r.readCount("nRows", 1, Integer.MAX_VALUE),
        r.readCount("nCols", 1, Integer.MAX_VALUE), r.readCount("nEpochs", 0, Integer.MAX_VALUE)});
    int n = fit[0];
    int p = fit[1];
    int nEpochs = fit[2];
    Umap s = in.section("settings", UmapIO::readSettings);
    PcaModel pca = in.section("pca", r -> readPca(r, s, n, p));
    FloatMatrix search = in.section("search", r -> readSearch(r, pca, n, p));
    KnnGraph knn = in.section("neighbors", r -> readNeighbors(r, s, n));
    FuzzyGraph graph = in.section("graph", r -> readGraph(r, n));
    FloatMatrix embedding = in.section("embedding",
        r -> r.readMatrix(n, s.nComponents, "embedding"));
    if (embedding.indexOfNonFinite() >= 0 || search.indexOfNonFinite() >= 0) {
      throw in.fail("the embedding and the search data must hold finite values");
    }
    if (provenance == null) {
      provenance = Provenance.version1(n, p, UmapFitter.provenanceSettings(s, nEpochs), s.seed);
    } else if (provenance.dataShape()[0] != n || provenance.dataShape()[1] != p) {
      throw in.fail(String.format(Locale.ROOT,
          "the provenance says the UMAP was fitted on %d x %d but the model holds %d x %d",
          provenance.dataShape()[0], provenance.dataShape()[1], n, p));
    }
    return new UmapModel(s, n, p, search, pca, knn, graph, embedding.data(), nEpochs,
        provenance);
  }

  private static PcaModel readPca(ModelReader in, Umap s, int n, int p) throws IOException {
    if (!in.readBoolean("PCA present")) {
      return null;
    }
    PcaModel pca = PcaModel.readFrom(in);
    if (pca.nRows() != n || pca.nCols() != p) {
      throw in.fail(String.format(Locale.ROOT,
          "the PCA was fitted on %d x %d but the UMAP on %d x %d", pca.nRows(), pca.nCols(), n,
          p));
    }
    if (pca.nComponents() != s.pca) {
      throw in.fail(String.format(Locale.ROOT,
          "the PCA has %d components but the settings say pca = %d", pca.nComponents(), s.pca));
    }
    return pca;
  }

  private static FloatMatrix readSearch(ModelReader in, PcaModel pca, int n, int p)
      throws IOException {
    if (in.readBoolean("search data stored")) {
      int d = pca == null ? p : pca.nComponents();
      return in.readMatrix(n, in.readCount("search data columns", d, d), "search data");
    }
    if (pca == null) {
      throw in.fail("the search data are said to be the PCA scores but the file holds no PCA");
    }
    return pca.scores();
  }

  private static KnnGraph readNeighbors(ModelReader in, Umap s, int n) throws IOException {
    int k = in.readInt();
    if (k != s.nNeighbors || k > n) {
      throw in.fail(String.format(Locale.ROOT,
          "the neighbour graph has k = %d, expected nNeighbors = %d (at most nRows = %d)", k,
          s.nNeighbors, n));
    }
    int nk = in.arrayLength(n, k, "neighbour graph");
    return new KnnGraph(n, k, in.readIndices(nk, -1, n - 1, "neighbour indices"),
        in.readFloats(nk, "neighbour distances"));
  }

  private static FuzzyGraph readGraph(ModelReader in, int n) throws IOException {
    int m = in.readCount("fuzzy graph entries", 0, Integer.MAX_VALUE);
    int[] rowStart = in.readIndices(in.arrayLength(n + 1, 1, "fuzzy graph row starts"), 0, m,
        "fuzzy graph row starts");
    for (int i = 0; i < n; i++) {
      if (rowStart[i + 1] < rowStart[i]) {
        throw in.fail(String.format(Locale.ROOT,
            "fuzzy graph row starts decrease at row %d (%d then %d)", i, rowStart[i],
            rowStart[i + 1]));
      }
    }
    if (rowStart[0] != 0 || rowStart[n] != m) {
      throw in.fail(String.format(Locale.ROOT,
          "fuzzy graph row starts must run from 0 to %d, got %d to %d", m, rowStart[0],
          rowStart[n]));
    }
    int[] cols = in.readIndices(m, 0, n - 1, "fuzzy graph columns");
    double[] weights = in.readDoubles(m, "fuzzy graph weights");
    for (int e = 0; e < m; e++) {
      if (!(weights[e] >= 0 && weights[e] <= 1)) {
        throw in.fail(String.format(Locale.ROOT,
            "fuzzy graph weight %d must be a membership strength in [0, 1], got %s", e,
            weights[e]));
      }
    }
    return new FuzzyGraph(n, rowStart, cols, weights);
  }

  private static Umap readSettings(ModelReader in) throws IOException {
    Umap.Builder b = Umap.builder();
    b.nNeighbors(in.readInt());
    b.nComponents(in.readInt());
    b.metric(in.readEnum(Metric.class, "metric"));
    int nEpochs = in.readInt();
    if (nEpochs != -1) {
      b.nEpochs(nEpochs);
    }
    b.learningRate(in.readDouble());
    b.init(in.readEnum(Umap.Init.class, "init"));
    double[] v = in.readDoubles(9, "settings");
    b.spread(v[0]).minDist(v[1]).setOpMixRatio(v[2]).localConnectivity(v[3]).bandwidth(v[4])
        .repulsionStrength(v[5]).negativeSampleRate(v[6]).ab(v[7], v[8]);
    int pca = in.readInt();
    if (pca != 0) {
      b.pca(pca);
    }
    b.neighborMethod(in.readEnum(Umap.NeighborMethod.class, "neighborMethod"));
    b.seed(in.readLong());
    if (in.version() == 1) {
      in.readInt(); // threads and sgdThreads of the machine that saved it: not model state
      in.readInt();
      in.readBoolean("verbose");
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw in.fail("invalid UMAP settings: " + e.getMessage());
    }
  }
}
