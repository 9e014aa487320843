package org.mnistkit.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.mnistkit.core.tensor.FloatMatrix;

/** Small labelled data, the same rows as a FloatMatrix and as a DataFrame. */
final class SparkData {

  final FloatMatrix x;
  final int[] y;

  /**
   * n rows of p "pixels" v / 255 (v in 0..255, exactly as IdxFrames scales them) in 3 classes;
   * the first 4 features carry the class.
   */
  SparkData(int n, int p, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] data = new float[n * p];
    y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = r.nextInt(3);
      for (int f = 0; f < p; f++) {
        int v = f < 4 ? Math.min(255, y[i] * 80 + r.nextInt(100)) : r.nextInt(256);
        data[i * p + f] = v / 255f;
      }
    }
    x = FloatMatrix.wrap(n, p, data);
  }

  /** The rows in order, split into contiguous partitions. */
  Dataset<Row> frame(SparkSession spark, int partitions) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < x.rows(); i++) {
      double[] v = new double[x.cols()];
      for (int f = 0; f < v.length; f++) {
        v[f] = x.get(i, f);
      }
      rows.add(RowFactory.create((double) y[i], Vectors.dense(v)));
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    return spark.createDataFrame(jsc.parallelize(rows, partitions), IdxFrames.schema());
  }
}
