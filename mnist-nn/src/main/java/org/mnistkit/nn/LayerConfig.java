package org.mnistkit.nn;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.mnistkit.nn.layers.Activation;
import org.mnistkit.nn.layers.Initializer;
import org.mnistkit.nn.layers.Padding;

/**
 * Typed access to one layer's settings in a model file's architecture text (keys such as
 * {@code layer.0.units}), failing with the full key's name.
 *
 * @param values every key of the architecture text
 * @param prefix the layer's prefix, such as {@code layer.0.}
 */
record LayerConfig(Map<String, String> values, String prefix) {

  /** @return "1,2" for [1, 2], the form {@link #ints} reads */
  static String join(List<Integer> values) {
    return values.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  /** @return the value, or null when the key is absent */
  String optional(String key) {
    return values.get(prefix + key);
  }

  /** @throws IllegalArgumentException when the key is missing */
  String text(String key) {
    String v = values.get(prefix + key);
    if (v == null) {
      throw new IllegalArgumentException("the key '" + prefix + key + "' is missing");
    }
    return v;
  }

  /** @throws IllegalArgumentException when the key is missing or not an integer */
  int integer(String key) {
    return parse(key, Integer::valueOf);
  }

  /** @throws IllegalArgumentException when the key is missing or not a number */
  double decimal(String key) {
    return parse(key, Double::valueOf);
  }

  /** @throws IllegalArgumentException when the key is missing or neither true nor false */
  boolean bool(String key) {
    String v = text(key);
    if (!v.equals("true") && !v.equals("false")) {
      throw new IllegalArgumentException(prefix + key + " must be true or false, got '" + v + "'");
    }
    return Boolean.parseBoolean(v);
  }

  /** @throws IllegalArgumentException when the key is missing or not a comma-separated list of integers */
  List<Integer> ints(String key) {
    return parse(key, v -> Arrays.stream(v.split(",")).map(String::trim).map(Integer::valueOf).toList());
  }

  Activation activation(String key) {
    return Activation.of(text(key));
  }

  Initializer initializer(String key) {
    return Initializer.of(text(key));
  }

  Padding padding(String key) {
    return Padding.of(text(key));
  }

  private <T> T parse(String key, java.util.function.Function<String, T> parser) {
    String v = text(key);
    try {
      return parser.apply(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(prefix + key + " does not parse: '" + v + "'", e);
    }
  }
}
