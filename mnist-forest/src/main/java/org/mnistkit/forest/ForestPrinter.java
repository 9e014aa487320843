package org.mnistkit.forest;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import org.mnistkit.core.metrics.ConfusionMatrix;

/**
 * Prints a forest the way R's {@code print.randomForest} does: type, number of trees, mtry, the
 * OOB error rate in percent rounded to 2 decimals, and the OOB confusion matrix with its
 * {@code class.error} (as R prints a numeric column, without trailing zeros common to all, but at
 * most 3 decimals). Unlike R, which prints
 * truth as rows, the matrix is printed in mnistkit's one orientation, predictions as rows and
 * truth as columns (as yardstick and {@link ConfusionMatrix#toString()} print it), and says so.
 * The "Call:" line is replaced by the data shape and seed.
 */
final class ForestPrinter {

  private ForestPrinter() {}

  static String print(RandomForestModel m) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%nRandomForestModel: x %d x %d, seed %d%n",
        m.numRows(), m.numFeatures(), m.seed()));
    sb.append("               Type of random forest: classification\n");
    sb.append("                     Number of trees: ").append(m.numTrees()).append('\n');
    sb.append("No. of variables tried at each split: ").append(m.mtry()).append("\n\n");
    double err = m.oobError();
    if (Double.isNaN(err)) {
      sb.append("        OOB estimate of  error rate: NA (no row was out of bag)\n");
      return sb.toString();
    }
    sb.append("        OOB estimate of  error rate: ").append(percent(err)).append("%\n");
    sb.append("OOB confusion matrix (rows: prediction, columns: truth):\n");
    sb.append(confusion(m.oobConfusionMatrix()));
    return sb.toString();
  }

  /** err * 100 rounded to 2 decimals without trailing zeros, like R's round(x, 2) printed. */
  static String percent(double err) {
    return new BigDecimal(err * 100).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros()
        .toPlainString();
  }

  /**
   * At most this many decimals of {@code class.error}: as a row under counts, R's 7 significant
   * digits would widen every column to 9 characters.
   */
  static final int CLASS_ERROR_DECIMALS = 3;

  /**
   * The matrix in mnistkit's one orientation (yardstick's, as every table mnistkit prints):
   * predictions as rows and truth as columns, under "Truth" and "Prediction" headers, with
   * randomForest's {@code class.error} (the error among each true class) as a last row under its
   * class's column.
   */
  static String confusion(ConfusionMatrix cm) {
    int k = cm.numClasses();
    List<String> names = cm.classNames();
    String[][] cells = new String[k + 2][k + 1]; // header row, k rows, class.error row
    cells[0][0] = "Prediction";
    cells[k + 1][0] = "class.error";
    int decimals = 0;
    for (int t = 0; t < k; t++) {
      decimals = Math.max(decimals, decimalsFor(cm.classError(t)));
    }
    decimals = Math.min(decimals, CLASS_ERROR_DECIMALS);
    for (int c = 0; c < k; c++) {
      cells[0][c + 1] = names.get(c);
      cells[k + 1][c + 1] = String.format(Locale.ROOT, "%." + decimals + "f", cm.classError(c));
    }
    for (int p = 0; p < k; p++) {
      cells[p + 1][0] = "  " + names.get(p);
      for (int t = 0; t < k; t++) {
        cells[p + 1][t + 1] = Long.toString(cm.count(p, t));
      }
    }
    int[] width = new int[k + 1];
    for (String[] row : cells) {
      for (int c = 0; c <= k; c++) {
        width[c] = Math.max(width[c], row[c].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append(" ".repeat(width[0] + 1)).append("Truth\n");
    for (String[] row : cells) {
      sb.append(row[0]).append(" ".repeat(width[0] - row[0].length()));
      for (int c = 1; c < row.length; c++) {
        sb.append(' ').append(" ".repeat(width[c] - row[c].length())).append(row[c]);
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** Decimals needed to show v to 7 significant digits without trailing zeros. */
  private static int decimalsFor(double v) {
    if (v == 0) {
      return 0;
    }
    int scale = new BigDecimal(v).round(new MathContext(7)).stripTrailingZeros().scale();
    return Math.max(0, scale);
  }
}
