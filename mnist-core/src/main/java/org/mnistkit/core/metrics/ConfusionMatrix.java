package org.mnistkit.core.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Counts of (predicted, true) class pairs for k classes, with the metrics derived from them.
 * Rows are predictions and columns are the truth, as yardstick's {@code conf_mat} prints them;
 * {@link #toString()} prints exactly that table.
 *
 * <p>Conventions for undefined ratios follow scikit-learn's {@code zero_division=0}: precision of
 * a class that is never predicted, and recall of a class that never occurs, are 0. Kappa is NaN
 * when chance agreement is 1 (every prediction and truth in one class).
 *
 * <p>Immutable.
 */
public final class ConfusionMatrix {

  private final long[][] counts; // [predicted][truth]
  private final List<String> classNames;
  private final long total;

  private ConfusionMatrix(long[][] counts, List<String> classNames) {
    this.counts = counts;
    this.classNames = List.copyOf(classNames);
    long t = 0;
    for (long[] row : counts) {
      for (long c : row) {
        t += c;
      }
    }
    this.total = t;
  }

  /**
   * Tabulates predictions against the truth for classes named "0".."k-1".
   *
   * @param truth n true labels, each in 0..numClasses-1
   * @param predicted n predicted labels, each in 0..numClasses-1
   * @param numClasses k, at least 1
   * @return the confusion matrix
   * @throws IllegalArgumentException when the lengths differ, numClasses &lt; 1, or a label is out of
   *     range (naming which array, the index and the value)
   */
  public static ConfusionMatrix of(int[] truth, int[] predicted, int numClasses) {
    if (numClasses < 1) {
      throw new IllegalArgumentException("numClasses must be >= 1, got " + numClasses);
    }
    return of(truth, predicted, IntStream.range(0, numClasses).mapToObj(Integer::toString).toList());
  }

  /**
   * Tabulates predictions against the truth with names for the classes.
   *
   * @param truth n true labels, each in 0..k-1
   * @param predicted n predicted labels, each in 0..k-1
   * @param classNames k names, printed as row and column headers, k at least 1
   * @return the confusion matrix
   * @throws IllegalArgumentException as {@link #of(int[], int[], int)}
   */
  public static ConfusionMatrix of(int[] truth, int[] predicted, List<String> classNames) {
    int k = classNames.size();
    if (k < 1) {
      throw new IllegalArgumentException("need at least one class name");
    }
    Metrics.checkLabels(truth, predicted, k);
    long[][] counts = new long[k][k];
    for (int i = 0; i < truth.length; i++) {
      counts[predicted[i]][truth[i]]++;
    }
    return new ConfusionMatrix(counts, classNames);
  }

  /** @return the number of classes k */
  public int numClasses() {
    return counts.length;
  }

  /** @return the k class names, in label order */
  public List<String> classNames() {
    return classNames;
  }

  /**
   * @param predicted a predicted class, 0..k-1
   * @param truth a true class, 0..k-1
   * @return how many samples of class {@code truth} were predicted as {@code predicted}
   */
  public long count(int predicted, int truth) {
    return counts[predicted][truth];
  }

  /** @return the number of samples n */
  public long total() {
    return total;
  }

  /** @return the share of correct predictions, in [0, 1]; NaN for no samples */
  public double accuracy() {
    long correct = 0;
    for (int c = 0; c < counts.length; c++) {
      correct += counts[c][c];
    }
    return (double) correct / total;
  }

  /**
   * The support of a class.
   *
   * @param c the class index, 0..k-1
   * @return how many samples have true class c (the column sum), 0..n
   * @throws IndexOutOfBoundsException when c is outside 0..k-1
   */
  public long support(int c) {
    long s = 0;
    for (long[] row : counts) {
      s += row[c];
    }
    return s;
  }

  /**
   * The number of predictions of a class.
   *
   * @param c the class index, 0..k-1
   * @return how many samples were predicted as class c (the row sum), 0..n
   * @throws IndexOutOfBoundsException when c is outside 0..k-1
   */
  public long predictedCount(int c) {
    long s = 0;
    for (long v : counts[c]) {
      s += v;
    }
    return s;
  }

  /**
   * The precision of a class.
   *
   * @param c the class index, 0..k-1
   * @return precision of class c, TP / (TP + FP), in [0, 1]; 0 when c is never predicted
   * @throws IndexOutOfBoundsException when c is outside 0..k-1
   */
  public double precision(int c) {
    long p = predictedCount(c);
    return p == 0 ? 0.0 : (double) counts[c][c] / p;
  }

  /**
   * The recall of a class.
   *
   * @param c the class index, 0..k-1
   * @return recall (sensitivity) of class c, TP / (TP + FN), in [0, 1]; 0 when c never occurs
   * @throws IndexOutOfBoundsException when c is outside 0..k-1
   */
  public double recall(int c) {
    long s = support(c);
    return s == 0 ? 0.0 : (double) counts[c][c] / s;
  }

  /**
   * The F1 score of a class.
   *
   * @param c the class index, 0..k-1
   * @return F1 of class c, the harmonic mean of precision and recall, in [0, 1]; 0 when both are 0
   * @throws IndexOutOfBoundsException when c is outside 0..k-1
   */
  public double f1(int c) {
    double p = precision(c);
    double r = recall(c);
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }

  /**
   * The error rate of class c among its true samples, like randomForest's {@code class.error}.
   *
   * @param c the class index, 0..k-1
   * @return 1 - recall(c), in [0, 1]; 0 when class c never occurs
   * @throws IndexOutOfBoundsException when c is outside 0..k-1
   */
  public double classError(int c) {
    return support(c) == 0 ? 0.0 : 1.0 - recall(c);
  }

  /** @return the unweighted mean of the per-class precisions (yardstick's "macro" estimator) */
  public double macroPrecision() {
    return IntStream.range(0, counts.length).mapToDouble(this::precision).average().orElse(Double.NaN);
  }

  /** @return the unweighted mean of the per-class recalls */
  public double macroRecall() {
    return IntStream.range(0, counts.length).mapToDouble(this::recall).average().orElse(Double.NaN);
  }

  /** @return the unweighted mean of the per-class F1 scores, in [0, 1] */
  public double macroF1() {
    return IntStream.range(0, counts.length).mapToDouble(this::f1).average().orElse(Double.NaN);
  }

  /**
   * Cohen's kappa: agreement corrected for chance, (p_o - p_e) / (1 - p_e) (Cohen 1960), as
   * yardstick's {@code kap} and scikit-learn's {@code cohen_kappa_score} compute it unweighted.
   *
   * @return a value in [-1, 1]; NaN when p_e is 1
   */
  public double kappa() {
    double po = accuracy();
    double pe = 0;
    for (int c = 0; c < counts.length; c++) {
      pe += (double) predictedCount(c) * support(c);
    }
    pe /= (double) total * total;
    return pe == 1.0 ? Double.NaN : (po - pe) / (1 - pe);
  }

  /** @return precision, recall, F1 and support of every class, in label order */
  public List<ClassMetrics> perClass() {
    List<ClassMetrics> out = new ArrayList<>();
    for (int c = 0; c < counts.length; c++) {
      out.add(new ClassMetrics(classNames.get(c), precision(c), recall(c), f1(c), support(c)));
    }
    return out;
  }

  /**
   * The table as R prints yardstick's {@code conf_mat} (a two-way {@code table} with dimnames
   * Prediction and Truth): a "Truth" header over the columns, then "Prediction" over the row labels.
   * As in R's {@code printMatrix}, row labels are left-justified after an indent that is 2, or more
   * when needed to make the label column as wide as "Prediction"; every count is formatted to the
   * width of the widest count, and each column is right-justified to that width or its name's.
   * Lines end with a newline.
   */
  @Override
  public String toString() {
    int k = counts.length;
    String rowHeader = "Prediction";
    int labelWidth = 0;
    int countWidth = 1;
    for (int r = 0; r < k; r++) {
      labelWidth = Math.max(labelWidth, classNames.get(r).length());
      for (int c = 0; c < k; c++) {
        countWidth = Math.max(countWidth, Long.toString(counts[r][c]).length());
      }
    }
    int indent = rowHeader.length() < labelWidth + 2 ? 2 : rowHeader.length() - labelWidth;
    labelWidth += indent;
    StringBuilder sb = new StringBuilder();
    sb.append(" ".repeat(labelWidth)).append("Truth\n");
    sb.append(pad(rowHeader, labelWidth, false));
    int[] widths = new int[k];
    for (int c = 0; c < k; c++) {
      widths[c] = Math.max(countWidth, classNames.get(c).length());
      sb.append(' ').append(pad(classNames.get(c), widths[c], true));
    }
    sb.append('\n');
    for (int r = 0; r < k; r++) {
      sb.append(pad(" ".repeat(indent) + classNames.get(r), labelWidth, false));
      for (int c = 0; c < k; c++) {
        sb.append(' ').append(pad(Long.toString(counts[r][c]), widths[c], true));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static String pad(String s, int width, boolean right) {
    String fill = " ".repeat(Math.max(0, width - s.length()));
    return right ? fill + s : s + fill;
  }

  /** Equal when class names and every count are equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof ConfusionMatrix m && classNames.equals(m.classNames)
        && java.util.Arrays.deepEquals(counts, m.counts);
  }

  @Override
  public int hashCode() {
    return 31 * classNames.hashCode() + java.util.Arrays.deepHashCode(counts);
  }

  /**
   * Precision, recall, F1 and support of one class.
   *
   * @param name the class name
   * @param precision in [0, 1]
   * @param recall in [0, 1]
   * @param f1 in [0, 1]
   * @param support the number of samples whose true class this is
   */
  public record ClassMetrics(String name, double precision, double recall, double f1, long support) {
    /** @return one line such as {@code 7  precision 0.9712  recall 0.9650  f1 0.9681  support 1028} */
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%s  precision %.4f  recall %.4f  f1 %.4f  support %d",
          name, precision, recall, f1, support);
    }
  }
}
