package org.mnistkit.nn;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.mnistkit.nn.layers.Layer;

/**
 * The "architecture" of a model file (see {@link NetworkFile}): what is needed to rebuild and
 * compile the model, as sorted "key=value" lines with Keras's names, for example
 *
 * <pre>
 * layer.0.activation=relu
 * layer.0.input_shape=784
 * layer.0.type=dense
 * layer.0.units=512
 * ...
 * loss=categorical_crossentropy
 * optimizer=rmsprop
 * optimizer.learning_rate=0.001
 * </pre>
 *
 * Each layer's keys come from its {@link LayerType}. Version-1 files hold the same text.
 *
 * @param layers the layer specs
 * @param seed the weight-initialization seed
 * @param optimizer the compiled optimizer
 * @param loss the compiled loss
 * @param metrics the compiled metrics
 */
record ArchitectureText(List<Layer> layers, long seed, Optimizer optimizer, Loss loss, List<Metric> metrics) {

  /** @return the architecture of a compiled model */
  static ArchitectureText of(Sequential model) {
    return new ArchitectureText(model.layers(), model.seed(), model.optimizer(), model.loss(), model.metrics());
  }

  /** @return sorted "key=value" lines */
  String toText() {
    Map<String, String> h = new TreeMap<>();
    h.put("seed", Long.toString(seed));
    h.put("layers", Integer.toString(layers.size()));
    for (int i = 0; i < layers.size(); i++) {
      Layer layer = layers.get(i);
      String p = "layer." + i + ".";
      h.put(p + "type", layer.baseName());
      if (!layer.inputShape().isEmpty()) {
        h.put(p + "input_shape", LayerConfig.join(layer.inputShape()));
      }
      layerConfig(layer).forEach((k, v) -> h.put(p + k, v));
    }
    optimizerConfig().forEach((k, v) -> h.put(k.equals("optimizer") ? k : "optimizer." + k, v));
    h.put("loss", loss.kerasName());
    h.put("metrics", metrics.stream().map(Metric::kerasName).collect(Collectors.joining(",")));
    StringBuilder sb = new StringBuilder();
    h.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
    return sb.toString();
  }

  /**
   * The compile settings under Keras's names, for a model's provenance: {@code layers} (such as
   * {@code dense(units=512, activation=relu, ...) -> dense(units=10, ...)}), {@code optimizer},
   * {@code learning_rate} and the optimizer's other settings, {@code loss}, {@code metrics}.
   */
  Map<String, String> settings() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("layers", layers.stream().map(ArchitectureText::describe).collect(Collectors.joining(" -> ")));
    s.putAll(optimizerConfig());
    s.put("loss", loss.kerasName());
    s.put("metrics", metrics.stream().map(Metric::kerasName).collect(Collectors.joining(",")));
    return s;
  }

  /** @return such as {@code dense(units=10, activation=softmax, use_bias=true, ...)} */
  static String describe(Layer layer) {
    return layer.baseName() + layerConfig(layer).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", ", "(", ")"));
  }

  private static <L extends Layer> Map<String, String> layerConfig(L layer) {
    Map<String, String> config = new LinkedHashMap<>();
    LayerTypes.of(layer).writeConfig(layer, config);
    return config;
  }

  private Map<String, String> optimizerConfig() {
    Map<String, String> h = new LinkedHashMap<>();
    Optimizer o = optimizer;
    h.put("optimizer", o.kerasName());
    h.put("learning_rate", Double.toString(o.learningRate()));
    if (o instanceof Optimizer.RmsProp r) {
      h.put("rho", Double.toString(r.rho()));
      h.put("epsilon", Double.toString(r.epsilon()));
    } else if (o instanceof Optimizer.Adam a) {
      h.put("beta_1", Double.toString(a.beta1()));
      h.put("beta_2", Double.toString(a.beta2()));
      h.put("epsilon", Double.toString(a.epsilon()));
    } else if (o instanceof Optimizer.Sgd s) {
      h.put("momentum", Double.toString(s.momentum()));
      h.put("nesterov", Boolean.toString(s.nesterov()));
    }
    return h;
  }

  /**
   * @param text the lines written by {@link #toText()}
   * @return the architecture
   * @throws IllegalArgumentException naming the missing or bad key
   */
  static ArchitectureText parse(String text) {
    Properties props = new Properties();
    try {
      props.load(new StringReader(text));
    } catch (IOException e) {
      throw new IllegalArgumentException("unreadable architecture text: " + e.getMessage(), e);
    }
    Map<String, String> values = new TreeMap<>();
    props.stringPropertyNames().forEach(k -> values.put(k, props.getProperty(k)));
    LayerConfig top = new LayerConfig(values, "");
    int n = top.integer("layers");
    if (n < 1 || n > 10_000) {
      throw new IllegalArgumentException("layers must be in 1..10000, got " + n);
    }
    List<Layer> layers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      LayerConfig c = new LayerConfig(values, "layer." + i + ".");
      Layer layer = LayerTypes.named(c.text("type")).readConfig(c);
      if (c.optional("input_shape") != null) {
        layer = layer.inputShape(c.ints("input_shape").stream().mapToInt(Integer::intValue).toArray());
      }
      layers.add(layer);
    }
    List<Metric> metrics = new ArrayList<>();
    String m = top.text("metrics");
    if (!m.isEmpty()) {
      for (String name : m.split(",")) {
        metrics.add(Metric.of(name));
      }
    }
    return new ArchitectureText(layers, Long.parseLong(top.text("seed")), readOptimizer(top),
        Loss.of(top.text("loss")), metrics);
  }

  private static Optimizer readOptimizer(LayerConfig top) {
    LayerConfig f = new LayerConfig(top.values(), "optimizer.");
    String name = top.text("optimizer");
    double lr = f.decimal("learning_rate");
    return switch (name) {
      case "rmsprop" -> new Optimizer.RmsProp(lr, f.decimal("rho"), f.decimal("epsilon"));
      case "adam" -> new Optimizer.Adam(lr, f.decimal("beta_1"), f.decimal("beta_2"), f.decimal("epsilon"));
      case "sgd" -> new Optimizer.Sgd(lr, f.decimal("momentum"), f.bool("nesterov"));
      default -> throw new IllegalArgumentException("unknown optimizer '" + name + "'");
    };
  }
}
