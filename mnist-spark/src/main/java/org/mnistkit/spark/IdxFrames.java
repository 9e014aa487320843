package org.mnistkit.spark;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads an IDX image/label pair (MNIST's {@code train-images-idx3-ubyte} and
 * {@code train-labels-idx1-ubyte}, or any pair of the same layout) into a DataFrame with the
 * columns Spark ML expects: {@code label} (double, the class) and {@code features} (an
 * {@code org.apache.spark.ml.linalg} dense vector of h x w values, the pixels row-major divided
 * by 255, so in [0, 1]).
 *
 * <p>The driver reads only the two headers (16 and 8 bytes) to learn n, h and w. The rows are
 * split into {@code partitions} contiguous ranges; each task opens both files through Hadoop's
 * {@link FileSystem} (a local path, {@code file:}, {@code hdfs:}, {@code s3a:}: any path every
 * executor can read), seeks to its range and reads only its own bytes, so the file is never
 * collected on the driver. A gzipped file ({@code .gz}) cannot be seeked: each task then
 * decompresses the file from the start and skips the rows before its range, which costs
 * partitions x the file's size in decompression; decompress large files first.
 *
 * <p>A user's own table of images (one row per image) is used instead of this reader when it has
 * a numeric {@code label} column with classes 0..k-1 and a vector column of the image's values;
 * a column of arrays (for example {@code array<double>} or {@code array<float>} read from
 * Parquet) becomes a vector with Spark's {@code org.apache.spark.ml.functions.array_to_vector}:
 * <pre>{@code
 * Dataset<Row> table = spark.read().parquet("scans.parquet")
 *     .withColumn("features", functions.array_to_vector(col("pixels")));
 * }</pre>
 * The values should be on the scale the model was trained on ([0, 1] for models trained on
 * these frames).
 */
public final class IdxFrames {

  /** The name of the label column, {@value}. */
  public static final String LABEL = "label";
  /** The name of the features column, {@value}. */
  public static final String FEATURES = "features";

  private IdxFrames() {}

  /**
   * The schema of the frames this class reads: {@code label} double, {@code features} vector.
   *
   * @return the schema
   */
  public static StructType schema() {
    return new StructType(new StructField[] {
        new StructField(LABEL, DataTypes.DoubleType, false, Metadata.empty()),
        new StructField(FEATURES, SQLDataTypes.VectorType(), false, Metadata.empty())});
  }

  /**
   * Reads an image/label pair into a DataFrame of {@code partitions} partitions.
   *
   * @param spark the session
   * @param images an IDX file of unsigned bytes, rank 3 (n x h x w), plain or {@code .gz}
   * @param labels an IDX file of unsigned bytes, rank 1 (n), plain or {@code .gz}
   * @param partitions the number of partitions, 1..n
   * @return n rows in file order: {@code label}, {@code features} (h x w values in [0, 1])
   * @throws IOException when a file cannot be read or its header is not as described, or the two
   *     files hold different numbers of items
   * @throws IllegalArgumentException when partitions is outside 1..n
   */
  public static Dataset<Row> read(SparkSession spark, String images, String labels,
      int partitions) throws IOException {
    return read(spark, images, labels, partitions, Integer.MAX_VALUE);
  }

  /**
   * Reads the first rows of an image/label pair (MNIST's first 3000 training images, say), as
   * {@link #read(SparkSession, String, String, int)} does all of them.
   *
   * @param spark the session
   * @param images an IDX file of unsigned bytes, rank 3 (n x h x w), plain or {@code .gz}
   * @param labels an IDX file of unsigned bytes, rank 1 (n), plain or {@code .gz}
   * @param partitions the number of partitions, 1..min(n, maxRows)
   * @param maxRows the most rows to read, at least 1; the first min(n, maxRows) are read
   * @return the rows in file order
   * @throws IOException as {@link #read(SparkSession, String, String, int)}
   * @throws IllegalArgumentException when maxRows &lt; 1 or partitions is out of range
   */
  public static Dataset<Row> read(SparkSession spark, String images, String labels,
      int partitions, int maxRows) throws IOException {
    if (maxRows < 1) {
      throw new IllegalArgumentException("maxRows must be >= 1, got " + maxRows);
    }
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    int[] imageHeader = header(conf, images, 3);
    int[] labelHeader = header(conf, labels, 1);
    if (labelHeader[0] != imageHeader[0]) {
      throw new IOException(String.format(Locale.ROOT,
          "%s holds %d images but %s holds %d labels; they must be equal", images,
          imageHeader[0], labels, labelHeader[0]));
    }
    int n = Math.min(imageHeader[0], maxRows);
    if (partitions < 1 || partitions > Math.max(1, n)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "partitions must be in 1..%d (the number of images), got %d", n, partitions));
    }
    int pixels = Math.multiplyExact(imageHeader[1], imageHeader[2]);
    List<Integer> parts = new ArrayList<>(partitions);
    for (int i = 0; i < partitions; i++) {
      parts.add(i);
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<Row> rows = jsc.parallelize(parts, partitions).mapPartitions(it -> {
      List<Row> out = new ArrayList<>();
      while (it.hasNext()) {
        int part = it.next();
        long from = (long) n * part / partitions;
        long to = (long) n * (part + 1) / partitions;
        readRange(new Configuration(), images, labels, pixels, from, to, out);
      }
      return out.iterator();
    });
    return spark.createDataFrame(rows, schema());
  }

  /** Reads the header of an IDX file of unsigned bytes and the given rank; returns its dims. */
  private static int[] header(Configuration conf, String file, int rank) throws IOException {
    try (DataInputStream in = new DataInputStream(open(conf, file, 0))) {
      int magic = in.readInt();
      int expected = 0x0800 | rank;
      if (magic != expected) {
        throw new IOException(String.format(Locale.ROOT,
            "%s: expected IDX magic 0x%08x (unsigned bytes, rank %d) but found 0x%08x", file,
            expected, rank, magic));
      }
      int[] dims = new int[rank];
      for (int d = 0; d < rank; d++) {
        dims[d] = in.readInt();
        if (dims[d] < 0) {
          throw new IOException(file + ": dimension " + d + " is negative: " + dims[d]);
        }
      }
      return dims;
    } catch (EOFException e) {
      throw new IOException(file + ": truncated IDX header", e);
    }
  }

  /** Opens a file at a byte offset; a gzipped file is decompressed and skipped to it. */
  private static InputStream open(Configuration conf, String file, long offset)
      throws IOException {
    Path path = new Path(file);
    FileSystem fs = path.getFileSystem(conf);
    FSDataInputStream raw = fs.open(path);
    if (file.endsWith(".gz")) {
      InputStream in = new GZIPInputStream(raw, 1 << 16);
      in.skipNBytes(offset);
      return in;
    }
    raw.seek(offset);
    return raw;
  }

  private static void readRange(Configuration conf, String images, String labels, int pixels,
      long from, long to, List<Row> out) throws IOException {
    int count = Math.toIntExact(to - from);
    byte[] px = new byte[Math.multiplyExact(count, pixels)];
    byte[] lb = new byte[count];
    try (InputStream in = open(conf, images, 16 + from * pixels)) {
      readFully(in, px, images);
    }
    try (InputStream in = open(conf, labels, 8 + from)) {
      readFully(in, lb, labels);
    }
    for (int i = 0; i < count; i++) {
      double[] v = new double[pixels];
      int base = i * pixels;
      for (int j = 0; j < pixels; j++) {
        // The float of the local path (FloatMatrix: (px & 0xFF) / 255f), widened exactly.
        v[j] = (px[base + j] & 0xFF) / 255f;
      }
      out.add(RowFactory.create((double) (lb[i] & 0xFF), Vectors.dense(v)));
    }
  }

  private static void readFully(InputStream in, byte[] into, String file) throws IOException {
    int at = 0;
    while (at < into.length) {
      int r = in.read(into, at, into.length - at);
      if (r < 0) {
        throw new IOException(String.format(Locale.ROOT,
            "%s: truncated; expected %d more bytes", file, into.length - at));
      }
      at += r;
    }
  }
}
