package org.mnistkit.eda.svd;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.eda.io.ModelInput;
import org.mnistkit.eda.io.ModelOutput;

/**
 * Saves and loads {@link PcaModel}s in mnistkit's own binary format (no Java serialization),
 * framed as {@link org.mnistkit.eda.io} describes: big-endian, a file is one PCA block followed by
 * the int CRC-32 of all bytes before it. A UMAP file embeds the same block.
 *
 * <pre>
 * int    magic 0x4D4B5043 ("MKPC")
 * int    version (1)
 * int    nRows n (&gt;= 1), int nCols p (&gt;= 1)
 * settings: int nComponents, byte center, byte scale, name method ("IRLBA" | "RANDOMIZED"),
 *           double tol, long seed, int threads
 *           (a name is an unsigned short byte count and UTF-8 bytes)
 * double totalVariance
 * double[p] column centres, only when center is 1
 * double[p] column scales, only when scale is 1
 * SVD: int k (1..min(n, p)), name method ("irlba" | "randomized" | "dense"), int iterations,
 *      int matrixVectorProducts, byte converged
 * double[k] singular values
 * float[n * k] U, row-major;  float[p * k] V (the rotation), row-major
 * </pre>
 *
 * <p>The scores are not stored: they are {@code U diag(d)} computed in float from the stored
 * values, which gives the same bits as the fitted model's. Loading checks the magic number, the
 * version, the checksum, every size, the settings, that k equals nComponents, and that centres,
 * scales (also &gt; 0), singular values, U and V are finite, and fails with an
 * {@link org.mnistkit.eda.io.EdaFormatException} naming the file.
 */
final class PcaIO {

  static final int MAGIC = 0x4D4B5043;
  static final int VERSION = 1;

  private PcaIO() {}

  static void write(PcaModel m, Path file) throws IOException {
    ModelOutput.write(file, out -> writeBlock(m, out));
  }

  static PcaModel read(Path file) throws IOException {
    return ModelInput.read(file, MAGIC, VERSION, "PCA", PcaIO::readBlock);
  }

  static void writeBlock(PcaModel m, ModelOutput out) throws IOException {
    out.header(MAGIC, VERSION);
    out.writeInt(m.nRows());
    out.writeInt(m.nCols());
    Pca s = m.settings();
    out.writeInt(s.nComponents());
    out.writeBoolean(s.center());
    out.writeBoolean(s.scale());
    out.writeName(s.method().name());
    out.writeDouble(s.tol());
    out.writeLong(s.seed());
    out.writeInt(s.threads());
    out.writeDouble(m.totalVariance());
    if (s.center()) {
      out.writeDoubles(m.center());
    }
    if (s.scale()) {
      out.writeDoubles(m.scale());
    }
    SvdResult svd = m.svd();
    out.writeInt(svd.rank());
    out.writeName(svd.method());
    out.writeInt(svd.iterations());
    out.writeInt(svd.matrixVectorProducts());
    out.writeBoolean(svd.converged());
    out.writeDoubles(svd.singularValues());
    out.writeFloats(svd.u().data());
    out.writeFloats(svd.v().data());
  }

  static PcaModel readBlock(ModelInput in) throws IOException {
    in.header(MAGIC, VERSION, "PCA block");
    int n = in.readCount("nRows", 1, Integer.MAX_VALUE);
    int p = in.readCount("nCols", 1, Integer.MAX_VALUE);
    Pca.Builder b = Pca.builder().nComponents(in.readInt());
    boolean center = in.readBoolean("center");
    boolean scale = in.readBoolean("scale");
    b.center(center).scale(scale).method(in.readEnum(Pca.Method.class, "method"))
        .tol(in.readDouble()).seed(in.readLong()).threads(in.readInt());
    Pca settings;
    try {
      settings = b.build();
    } catch (IllegalArgumentException e) {
      throw in.fail("invalid PCA settings: " + e.getMessage());
    }
    double totalVariance = in.readDouble();
    double[] centre = center ? in.readDoubles(p, "column centres") : null;
    double[] sd = scale ? in.readDoubles(p, "column scales") : null;
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
    SvdResult svd = new SvdResult(d, u, v, iterations, products, converged, method);
    return new PcaModel(settings, n, p, centre, sd, svd, totalVariance);
  }
}
