package org.mnistkit.nn;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.mnistkit.nn.layers.Layer;
import org.mnistkit.nn.layers.Shapes;

/**
 * Formats a model's layer table as Keras 2's {@code model.summary()} prints it: one row per layer
 * with its Keras name ("dense", "dense_1", ...), its output shape with None for the batch
 * dimension and its parameter count, then the totals.
 */
final class SummaryTable {

  private static final int WIDTH = 65;

  private SummaryTable() {}

  static String render(Architecture arch) {
    String rule = "_".repeat(WIDTH) + "\n";
    String thick = "=".repeat(WIDTH) + "\n";
    StringBuilder sb = new StringBuilder("Model: \"sequential\"\n").append(rule);
    sb.append(String.format(Locale.ROOT, " %-30s %-22s %s%n", "Layer (type)", "Output Shape", "Param #"));
    sb.append(thick);
    Map<String, Integer> seen = new HashMap<>();
    int n = arch.layers().size();
    for (int i = 0; i < n; i++) {
      Layer layer = arch.layers().get(i);
      int k = seen.merge(layer.baseName(), 1, Integer::sum) - 1;
      String name = layer.baseName() + (k == 0 ? "" : "_" + k) + " (" + layer.typeName() + ")";
      sb.append(String.format(Locale.ROOT, " %-30s %-22s %d%n", name,
          Shapes.formatBatch(arch.outputShapes().get(i)), arch.countParams(i)));
      if (i < n - 1) {
        sb.append('\n');
      }
    }
    long total = arch.countParams();
    sb.append(thick);
    sb.append(String.format(Locale.ROOT, "Total params: %,d%nTrainable params: %,d%nNon-trainable params: 0%n",
        total, total));
    return sb.append(rule).toString();
  }
}
