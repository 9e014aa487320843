package org.mnistkit.core.data;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Looks up an enum constant by its option name, with one message listing the valid names. */
final class OptionNames {

  private OptionNames() {}

  /**
   * @param values the constants, in the order the message lists them
   * @param nameOf a constant's option name, matched ignoring case and surrounding spaces
   * @param name the name to look up
   * @param what what the name names, for the message ("data format")
   * @return the constant
   * @throws IllegalArgumentException "unknown data format 'png'; expected idx, csv or png-folder"
   */
  static <E> E parse(E[] values, Function<E, String> nameOf, String name, String what) {
    for (E v : values) {
      if (nameOf.apply(v).equalsIgnoreCase(name.strip())) {
        return v;
      }
    }
    List<String> names = Arrays.stream(values).map(nameOf).toList();
    throw new IllegalArgumentException("unknown " + what + " '" + name + "'; expected "
        + String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1));
  }
}
