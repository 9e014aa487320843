package org.mnistkit.spark;

import org.apache.spark.sql.SparkSession;

/** The local SparkSession of a test class: two cores, no UI, few shuffle partitions. */
final class SparkTestSession {

  private SparkTestSession() {}

  /** @return a new or the running local[2] session */
  static SparkSession start() {
    return SparkSession.builder()
        .master("local[2]")
        .appName("mnist-spark-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
  }
}
