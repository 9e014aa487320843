package org.mnistkit.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.mnistkit.nn.layers.Layer;

/**
 * The registry of layer kinds: adding a layer to mnist-nn means writing its public spec (in
 * {@code org.mnistkit.nn.layers}), its {@link LayerType} and one line in {@link #ALL}.
 */
final class LayerTypes {

  /** Every layer kind mnist-nn offers, by model-file name. */
  private static final Map<String, LayerType<?>> ALL = index(List.of(
      new DenseType(),
      new DropoutType(),
      new Conv2DType(),
      new MaxPooling2DType(),
      new FlattenType()));

  private LayerTypes() {}

  private static Map<String, LayerType<?>> index(List<LayerType<?>> types) {
    Map<String, LayerType<?>> map = new LinkedHashMap<>();
    types.forEach(t -> map.put(t.name(), t));
    return map;
  }

  /**
   * @return the type of a layer spec
   * @throws IllegalArgumentException when no registered type handles the layer's class
   */
  @SuppressWarnings("unchecked")
  static <L extends Layer> LayerType<L> of(L layer) {
    LayerType<?> type = ALL.get(layer.baseName());
    if (type == null || !type.layerClass().equals(layer.getClass())) {
      throw new IllegalArgumentException("mnist-nn has no layer type for " + layer.getClass().getName()
          + " ('" + layer.baseName() + "'); it offers " + names());
    }
    return (LayerType<L>) type;
  }

  /**
   * @param name a model-file type name such as "dense"
   * @return its type
   * @throws IllegalArgumentException naming the value and the known names
   */
  static LayerType<?> named(String name) {
    LayerType<?> type = ALL.get(name);
    if (type == null) {
      throw new IllegalArgumentException("unknown layer type '" + name + "'; expected one of " + names());
    }
    return type;
  }

  /**
   * @return whether the layer becomes a Deeplearning4j layer (and so has an index in the network),
   *     rather than a preprocessor
   */
  static boolean hasDl4jLayer(Layer layer) {
    return of(layer).becomesDl4jLayer();
  }

  private static String names() {
    return ALL.keySet().stream().collect(Collectors.joining(", "));
  }
}
