package org.mnistkit.nn.layers;

/** How convolution and pooling windows treat the border, as Keras's {@code padding} argument. */
public enum Padding {
  /** No padding: windows stay inside the input; output = floor((in - size) / stride) + 1. */
  VALID("valid"),
  /** Zero padding so that output = ceil(in / stride). */
  SAME("same");

  private final String kerasName;

  Padding(String kerasName) {
    this.kerasName = kerasName;
  }

  /** @return "valid" or "same" */
  public String kerasName() {
    return kerasName;
  }

  /**
   * Looks a padding up by its Keras name.
   *
   * @param name "valid" or "same"; case and surrounding blanks are ignored
   * @return {@link #VALID} or {@link #SAME}
   * @throws IllegalArgumentException naming the value when it is neither "valid" nor "same"
   * @throws NullPointerException when name is null
   */
  public static Padding of(String name) {
    return KerasNames.lookup(values(), Padding::kerasName, name, "padding");
  }

  @Override
  public String toString() {
    return kerasName;
  }
}
