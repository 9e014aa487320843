package org.mnistkit.spark;

import java.util.Arrays;
import java.util.Locale;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;

/** Checks of a DataFrame's schema that run on the driver before any job is launched. */
final class FrameChecks {

  private FrameChecks() {}

  private static DataType column(StructType schema, String name) {
    if (!Arrays.asList(schema.fieldNames()).contains(name)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "column '%s' not found; the columns are %s", name,
          Arrays.toString(schema.fieldNames())));
    }
    return schema.apply(name).dataType();
  }

  /** Requires an ml.linalg Vector column. */
  static void requireVector(StructType schema, String name) {
    DataType type = column(schema, name);
    if (!type.equals(SQLDataTypes.VectorType())) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "column '%s' must be an org.apache.spark.ml.linalg.Vector but is %s; convert an array "
              + "column with org.apache.spark.ml.functions.array_to_vector",
          name, type.simpleString()));
    }
  }

  /** Requires a numeric column. */
  static void requireNumeric(StructType schema, String name) {
    DataType type = column(schema, name);
    if (!(type instanceof NumericType)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "column '%s' must be numeric (whole class numbers 0..k-1) but is %s", name,
          type.simpleString()));
    }
  }

  /** Requires that a column to be added does not exist yet. */
  static void requireAbsent(StructType schema, String name) {
    if (Arrays.asList(schema.fieldNames()).contains(name)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "output column '%s' already exists; choose another name", name));
    }
  }
}
