package org.mnistkit.eda.umap;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.eda.io.ModelInput;
import org.mnistkit.eda.io.ModelOutput;
import org.mnistkit.eda.knn.KnnGraph;
import org.mnistkit.eda.knn.Metric;
import org.mnistkit.eda.svd.PcaModel;

/**
 * Saves and loads {@link UmapModel}s in mnistkit's own binary format (no Java serialization),
 * framed as {@link org.mnistkit.eda.io} describes: big-endian, a file is one UMAP block followed by
 * the int CRC-32 of all bytes before it. The file holds everything {@link UmapModel#transform}
 * needs, like uwot's {@code save_uwot} keeps its nearest-neighbour index.
 *
 * <pre>
 * int    magic 0x4D4B554D ("MKUM")
 * int    version (1)
 * int    nRows n (&gt;= 1), int nCols p (&gt;= 1), int nEpochs run (&gt;= 0)
 * settings: int nNeighbors, int nComponents c, name metric, int nEpochs (-1 = auto),
 *           double learningRate, name init, double spread, minDist, setOpMixRatio,
 *           localConnectivity, bandwidth, repulsionStrength, negativeSampleRate, a, b,
 *           int pca (0 = none), name neighborMethod, long seed, int threads, int sgdThreads,
 *           byte verbose  (a name is an unsigned short byte count and UTF-8 bytes)
 * byte   PCA present; if 1: a PCA block (see PcaIO), fitted on n x p
 * byte   search data stored; if 0 the search data are the PCA block's scores (PCA required);
 *        if 1: int d (the PCA's k, or p without PCA), float[n * d] row-major
 * int    k (= nNeighbors); int[n * k] neighbour indices (-1..n-1); float[n * k] distances
 * fuzzy graph: int entries m; int[n + 1] row starts (0, non-decreasing, last = m);
 *        int[m] columns (0..n-1); double[m] weights
 * float[n * c] embedding, row-major
 * </pre>
 *
 * <p>Loading checks the magic number, the version, the checksum, every size and index, the
 * settings and their agreement with the stored PCA and neighbour graph, that the embedding and
 * search data are finite and the fuzzy weights lie in [0, 1], and fails with an
 * {@link org.mnistkit.eda.io.EdaFormatException} naming the file. Thread counts are restored as
 * saved (results do not depend on them; set them anew by refitting if the machine differs).
 */
final class UmapIO {

  static final int MAGIC = 0x4D4B554D;
  static final int VERSION = 1;

  private UmapIO() {}

  static void write(UmapModel m, Path file) throws IOException {
    ModelOutput.write(file, out -> writeBlock(m, out));
  }

  static UmapModel read(Path file) throws IOException {
    return ModelInput.read(file, MAGIC, VERSION, "UMAP", UmapIO::readBlock);
  }

  private static void writeBlock(UmapModel m, ModelOutput out) throws IOException {
    out.header(MAGIC, VERSION);
    out.writeInt(m.nRows());
    out.writeInt(m.nCols());
    out.writeInt(m.nEpochs());
    writeSettings(m.settings(), out);
    PcaModel pca = m.pca();
    out.writeBoolean(pca != null);
    if (pca != null) {
      pca.writeTo(out);
    }
    FloatMatrix search = m.searchData();
    boolean stored = pca == null || search != pca.scores();
    out.writeBoolean(stored);
    if (stored) {
      out.writeInt(search.cols());
      out.writeFloats(search.data());
    }
    KnnGraph knn = m.neighbors();
    out.writeInt(knn.k());
    out.writeInts(knn.indices());
    out.writeFloats(knn.distances());
    FuzzyGraph g = m.graph();
    out.writeInt(g.entries());
    out.writeInts(g.rowStart);
    out.writeInts(g.cols);
    out.writeDoubles(g.weights);
    out.writeFloats(m.embedding().data());
  }

  private static void writeSettings(Umap s, ModelOutput out) throws IOException {
    out.writeInt(s.nNeighbors);
    out.writeInt(s.nComponents);
    out.writeName(s.metric.name());
    out.writeInt(s.nEpochs);
    out.writeDouble(s.learningRate);
    out.writeName(s.init.name());
    for (double v : new double[] {s.spread, s.minDist, s.setOpMixRatio, s.localConnectivity,
        s.bandwidth, s.repulsionStrength, s.negativeSampleRate, s.a, s.b}) {
      out.writeDouble(v);
    }
    out.writeInt(s.pca);
    out.writeName(s.neighborMethod.name());
    out.writeLong(s.seed);
    out.writeInt(s.threads);
    out.writeInt(s.sgdThreads);
    out.writeBoolean(s.verbose);
  }

  private static UmapModel readBlock(ModelInput in) throws IOException {
    in.header(MAGIC, VERSION, "UMAP block");
    int n = in.readCount("nRows", 1, Integer.MAX_VALUE);
    int p = in.readCount("nCols", 1, Integer.MAX_VALUE);
    int nEpochs = in.readCount("nEpochs", 0, Integer.MAX_VALUE);
    Umap s = readSettings(in);
    PcaModel pca = in.readBoolean("PCA present") ? PcaModel.readFrom(in) : null;
    if (pca != null && (pca.nRows() != n || pca.nCols() != p)) {
      throw in.fail(String.format(Locale.ROOT,
          "the PCA was fitted on %d x %d but the UMAP on %d x %d", pca.nRows(), pca.nCols(), n,
          p));
    }
    if (pca != null && pca.nComponents() != s.pca) {
      throw in.fail(String.format(Locale.ROOT,
          "the PCA has %d components but the settings say pca = %d", pca.nComponents(), s.pca));
    }
    FloatMatrix search;
    if (in.readBoolean("search data stored")) {
      int d = pca == null ? p : pca.nComponents();
      search = in.readMatrix(n, in.readCount("search data columns", d, d), "search data");
    } else if (pca != null) {
      search = pca.scores();
    } else {
      throw in.fail("the search data are said to be the PCA scores but the file holds no PCA");
    }
    int k = in.readInt();
    if (k != s.nNeighbors || k > n) {
      throw in.fail(String.format(Locale.ROOT,
          "the neighbour graph has k = %d, expected nNeighbors = %d (at most nRows = %d)", k,
          s.nNeighbors, n));
    }
    int nk = in.arrayLength(n, k, "neighbour graph");
    KnnGraph knn = new KnnGraph(n, k, in.readIndices(nk, -1, n - 1, "neighbour indices"),
        in.readFloats(nk, "neighbour distances"));
    FuzzyGraph graph = readGraph(in, n);
    FloatMatrix embedding = in.readMatrix(n, s.nComponents, "embedding");
    if (embedding.indexOfNonFinite() >= 0 || search.indexOfNonFinite() >= 0) {
      throw in.fail("the embedding and the search data must hold finite values");
    }
    return new UmapModel(s, n, p, search, pca, knn, graph, embedding.data(), nEpochs);
  }

  private static FuzzyGraph readGraph(ModelInput in, int n) throws IOException {
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

  private static Umap readSettings(ModelInput in) throws IOException {
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
    b.spread(in.readDouble());
    b.minDist(in.readDouble());
    b.setOpMixRatio(in.readDouble());
    b.localConnectivity(in.readDouble());
    b.bandwidth(in.readDouble());
    b.repulsionStrength(in.readDouble());
    b.negativeSampleRate(in.readDouble());
    double a = in.readDouble();
    b.ab(a, in.readDouble());
    int pca = in.readInt();
    if (pca != 0) {
      b.pca(pca);
    }
    b.neighborMethod(in.readEnum(Umap.NeighborMethod.class, "neighborMethod"));
    b.seed(in.readLong());
    b.threads(in.readInt());
    b.sgdThreads(in.readInt());
    b.verbose(in.readBoolean("verbose"));
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw in.fail("invalid UMAP settings: " + e.getMessage());
    }
  }
}
