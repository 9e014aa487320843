package org.mnistkit.eda.svd;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.mnistkit.core.io.ModelFormat;
import org.mnistkit.core.io.ModelReader;
import org.mnistkit.core.io.ModelWriter;
import org.mnistkit.core.model.Provenance;
import org.mnistkit.core.tensor.FloatMatrix;

/**
 * Saves and loads {@link PcaModel}s in mnistkit's model file framing ({@link ModelWriter}: magic,
 * version, kind, provenance block, named length-prefixed blocks, CRC-32; written atomically).
 * Big-endian; a name is an unsigned short byte count and UTF-8 bytes. Version 2:
 *
 * <pre>
 * int "MKPC", int 2, name "PCA", block "provenance"   (written by ModelWriter)
 * block "shape":    int nRows n (&gt;= 1), int nCols p (&gt;= 1)
 * block "settings": int nComponents, byte center, byte scale, name method ("IRLBA" | "RANDOMIZED"),
 *                   double tol, long seed
 * block "columns":  double totalVariance; double[p] column centres, only when center is 1;
 *                   double[p] column scales, only when scale is 1
 * block "svd":      int k (1..min(n, p) - 1), name method ("irlba" | "randomized" | "dense"),
 *                   int iterations, int matrixVectorProducts, byte converged,
 *                   double[k] singular values, float[n * k] U row-major, float[p * k] V row-major
 * int CRC-32
 * </pre>
 *
 * <p>A UMAP file holds the PCA it applies as its own "pca" block: a "provenance" block (the PCA's
 * own, as the text a PCA file's header holds, so that {@code umap.pca().provenance()} is the one
 * it was fitted with), then the four blocks above.
 *
 * <p>Version 1 (the previous release; read only) has the same fields one after another, with no
 * kind, blocks or provenance, and an {@code int threads} after the seed, which is ignored: thread
 * counts are chosen when transforming, never restored from a file. Its provenance is {@link
 * Provenance#version1}.
 *
 * <p>The scores are not stored: they are {@code U diag(d)} computed in float from the stored
 * values, which gives the same bits as the fitted model's. Loading checks the magic number, the
 * version, the checksum, every size before allocating, the settings, that k equals nComponents,
 * that the provenance's data shape is n x p, and that centres, scales (also &gt; 0), singular
 * values (also &gt;= 0), U and V are finite, and fails with a {@link
 * org.mnistkit.core.io.FileFormatException} naming the file.
 */
final class PcaIO {

  /** The PCA file kind; version 2 is the layout above. */
  static final ModelFormat FORMAT = new ModelFormat("MKPC", "PCA", 2);

  /** The columns' statistics. */
  private record Columns(double totalVariance, double[] centre, double[] scale) {}

  private PcaIO() {}

  static void write(PcaModel m, Path file) throws IOException {
    ModelWriter.write(file, FORMAT, m.provenance(), out -> writeBody(m, out));
  }

  static PcaModel read(Path file) throws IOException {
    try (ModelReader in = ModelReader.open(file, FORMAT)) {
      PcaModel m = readBody(in, in.version() == 1 ? null : in.provenance());
      in.finish();
      return m;
    }
  }

  /** Writes the provenance block and the model's blocks, as a UMAP file holds them. */
  static void writeNested(PcaModel m, ModelWriter out) throws IOException {
    out.writeProvenance(m.provenance());
    writeBody(m, out);
  }

  /** Reads what {@link #writeNested} wrote, or a version-1 PCA block (header included). */
  static PcaModel readNested(ModelReader in) throws IOException {
    if (in.version() == 1) {
      in.header(FORMAT.magicNumber(), 1, "PCA block");
      return readBody(in, null);
    }
    return readBody(in, in.readProvenance());
  }

  /** Writes the blocks "shape", "settings", "columns" and "svd". */
  static void writeBody(PcaModel m, ModelWriter out) throws IOException {
    out.block("shape", o -> {
      o.writeInt(m.nRows());
      o.writeInt(m.nCols());
    });
    Pca s = m.settings();
    out.block("settings", o -> {
      o.writeInt(s.nComponents());
      o.writeBoolean(s.center());
      o.writeBoolean(s.scale());
      o.writeName(s.method().name());
      o.writeDouble(s.tol());
      o.writeLong(s.seed());
    });
    out.block("columns", o -> {
      o.writeDouble(m.totalVariance());
      if (s.center()) {
        o.writeDoubles(m.center());
      }
      if (s.scale()) {
        o.writeDoubles(m.scale());
      }
    });
    SvdResult svd = m.svd();
    out.block("svd", o -> {
      o.writeInt(svd.rank());
      o.writeName(svd.method());
      o.writeInt(svd.iterations());
      o.writeInt(svd.matrixVectorProducts());
      o.writeBoolean(svd.converged());
      o.writeDoubles(svd.singularValues());
      o.writeFloats(svd.u().data());
      o.writeFloats(svd.v().data());
    });
  }


  /**
   * Reads the model's sections after the header (and, for a nested PCA, its provenance).
   *
   * @param provenance the model's provenance, or null for version 1, which has none
   */
  private static PcaModel readBody(ModelReader in, Provenance provenance) throws IOException {
    int[] shape = in.section("shape", r -> new int[] {r.readCount("nRows", 1, Integer.MAX_VALUE),
        r.readCount("nCols", 1, Integer.MAX_VALUE)});
    int n = shape[0];
    int p = shape[1];
    Pca settings = in.section("settings", PcaIO::readSettings);
    Columns columns = in.section("columns", r -> readColumns(r, settings, p));
    SvdResult svd = in.section("svd", r -> readSvd(r, settings, n, p));
    if (provenance == null) {
      provenance = Provenance.version1(n, p, settings.provenanceSettings(), settings.seed());
    } else if (provenance.dataShape()[0] != n || provenance.dataShape()[1] != p) {
      throw in.fail(String.format(Locale.ROOT,
          "the provenance says the PCA was fitted on %d x %d but the model holds %d x %d",
          provenance.dataShape()[0], provenance.dataShape()[1], n, p));
    }
    return new PcaModel(settings, n, p, columns.centre(), columns.scale(), svd,
        columns.totalVariance(), provenance);
  }

  private static Pca readSettings(ModelReader in) throws IOException {
    Pca.Builder b = Pca.builder().nComponents(in.readInt());
    b.center(in.readBoolean("center")).scale(in.readBoolean("scale"))
        .method(in.readEnum(Pca.Method.class, "method")).tol(in.readDouble())
        .seed(in.readLong());
    if (in.version() == 1) {
      in.readInt(); // the thread count of the machine that saved it: not model state
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw in.fail("invalid PCA settings: " + e.getMessage());
    }
  }

  private static Columns readColumns(ModelReader in, Pca settings, int p) throws IOException {
    double totalVariance = in.readDouble();
    double[] centre = settings.center() ? in.readDoubles(p, "column centres") : null;
    double[] sd = settings.scale() ? in.readDoubles(p, "column scales") : null;
    for (int j = 0; j < p; j++) {
      if (centre != null && !Double.isFinite(centre[j])) {
        throw in.fail(String.format(Locale.ROOT, "column centre %d must be finite, got %s", j,
            centre[j]));
      }
      if (sd != null && !(sd[j] > 0 && Double.isFinite(sd[j]))) {
        throw in.fail(String.format(Locale.ROOT,
            "column scale %d must be finite and > 0, got %s", j, sd[j]));
      }
    }
    return new Columns(totalVariance, centre, sd);
  }

  private static SvdResult readSvd(ModelReader in, Pca settings, int n, int p)
      throws IOException {
    int k = in.readCount("number of components k", 1, Math.min(n, p) - 1);
    if (k != settings.nComponents()) {
      throw in.fail(String.format(Locale.ROOT,
          "the SVD has %d components but the settings say nComponents = %d", k,
          settings.nComponents()));
    }
    String method = in.readName(32, "SVD method");
    int iterations = in.readCount("iterations", 0, Integer.MAX_VALUE);
    int products = in.readCount("matrixVectorProducts", 0, Integer.MAX_VALUE);
    boolean converged = in.readBoolean("converged");
    double[] d = in.readDoubles(k, "singular values");
    for (int c = 0; c < k; c++) {
      if (!(d[c] >= 0) || Double.isInfinite(d[c])) {
        throw in.fail(String.format(Locale.ROOT,
            "singular value %d must be finite and >= 0, got %s", c, d[c]));
      }
    }
    FloatMatrix u = in.readMatrix(n, k, "U");
    FloatMatrix v = in.readMatrix(p, k, "V");
    if (u.indexOfNonFinite() >= 0 || v.indexOfNonFinite() >= 0) {
      throw in.fail("U and V must hold finite values");
    }
    return new SvdResult(d, u, v, iterations, products, converged, method);
  }
}
