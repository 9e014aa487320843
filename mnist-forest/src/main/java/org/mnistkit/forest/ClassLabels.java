package org.mnistkit.forest;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The classes of a forest: any distinct int labels, in a fixed order, encoded internally as class
 * indices 0..k-1 (like the levels of an R factor).
 */
final class ClassLabels {

  private final int[] labels;
  private final Map<Integer, Integer> index = new HashMap<>();

  private ClassLabels(int[] labels) {
    this.labels = labels;
    for (int c = 0; c < labels.length; c++) {
      index.put(labels[c], c);
    }
  }

  /** @return the distinct values of y in increasing order */
  static ClassLabels observed(int[] y) {
    return new ClassLabels(Arrays.stream(y).distinct().sorted().toArray());
  }

  /**
   * @param declared the classes in the order wanted, distinct, at least one
   * @throws IllegalArgumentException when declared is empty or has a repeated label
   */
  static ClassLabels declared(int[] declared) {
    if (declared.length == 0) {
      throw new IllegalArgumentException("classes must list at least one class, got none");
    }
    ClassLabels c = new ClassLabels(declared.clone());
    if (c.index.size() != declared.length) {
      throw new IllegalArgumentException("classes must be distinct, got "
          + Arrays.toString(declared));
    }
    return c;
  }

  /** @return the number of classes k */
  int size() {
    return labels.length;
  }

  /** @return the label of class index c */
  int label(int c) {
    return labels[c];
  }

  /** @return the labels, a copy */
  int[] labels() {
    return labels.clone();
  }

  /** @return the labels as strings, for confusion matrices */
  List<String> names() {
    return IntStream.of(labels).mapToObj(Integer::toString).toList();
  }

  /**
   * @param y labels, each one of the classes
   * @return the class index of every label
   * @throws IllegalArgumentException naming the first label that is not a class
   */
  int[] encode(int[] y) {
    int[] out = new int[y.length];
    for (int i = 0; i < y.length; i++) {
      Integer c = index.get(y[i]);
      if (c == null) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "y[%d] is %d, which is not one of the declared classes %s", i, y[i],
            Arrays.toString(labels)));
      }
      out[i] = c;
    }
    return out;
  }

  /** @return the labels of the given class indices */
  int[] decode(int[] classIndices) {
    int[] out = new int[classIndices.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = labels[classIndices[i]];
    }
    return out;
  }
}
