package org.mnistkit.nn.layers;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Looks up constants by their Keras names, with an error that lists the accepted names; used by
 * {@link Activation#of}, {@link Initializer#of}, {@link Padding#of} and mnist-nn's loss and metric
 * lookups.
 */
public final class KerasNames {

  private KerasNames() {}

  /**
   * @param values the constants
   * @param nameOf a constant's Keras name
   * @param name the name to find, case-insensitive, surrounding blanks ignored
   * @param what what is being looked up, for the message ("activation", "loss", ...)
   * @param <E> the constants' type
   * @return the constant whose Keras name is {@code name}
   * @throws IllegalArgumentException naming the value and the accepted names
   */
  public static <E> E lookup(E[] values, Function<E, String> nameOf, String name, String what) {
    Objects.requireNonNull(name, what);
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    for (E e : values) {
      if (nameOf.apply(e).equals(wanted)) {
        return e;
      }
    }
    throw new IllegalArgumentException(String.format(Locale.ROOT, "unknown %s '%s'; expected one of %s",
        what, name, Arrays.stream(values).map(nameOf).collect(Collectors.joining(", "))));
  }
}
