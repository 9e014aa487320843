package org.mnistkit.nn;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The text header of a model file (see {@link ModelIO}): what is needed to rebuild and compile the
 * model, as sorted "key=value" lines with Keras's names, for example
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
 * @param layers the layer specs
 * @param seed the weight-initialization seed
 * @param optimizer the compiled optimizer
 * @param loss the compiled loss
 * @param metrics the compiled metrics
 */
record ModelHeader(List<Layer> layers, long seed, Optimizer optimizer, Loss loss, List<Metric> metrics) {

  /** @return the header of a compiled model */
  static ModelHeader of(Sequential model) {
    return new ModelHeader(model.layers(), model.seed(), model.optimizer(), model.loss(), model.metrics());
  }

  /** @return sorted "key=value" lines */
  String toText() {
    Map<String, String> h = new TreeMap<>();
    h.put("seed", Long.toString(seed));
    h.put("layers", Integer.toString(layers.size()));
    for (int i = 0; i < layers.size(); i++) {
      writeLayer(h, "layer." + i + ".", layers.get(i));
    }
    Optimizer o = optimizer;
    h.put("optimizer", o.kerasName());
    h.put("optimizer.learning_rate", Double.toString(o.learningRate()));
    if (o instanceof Optimizer.RmsProp r) {
      h.put("optimizer.rho", Double.toString(r.rho()));
      h.put("optimizer.epsilon", Double.toString(r.epsilon()));
    } else if (o instanceof Optimizer.Adam a) {
      h.put("optimizer.beta_1", Double.toString(a.beta1()));
      h.put("optimizer.beta_2", Double.toString(a.beta2()));
      h.put("optimizer.epsilon", Double.toString(a.epsilon()));
    } else if (o instanceof Optimizer.Sgd s) {
      h.put("optimizer.momentum", Double.toString(s.momentum()));
      h.put("optimizer.nesterov", Boolean.toString(s.nesterov()));
    }
    h.put("loss", loss.kerasName());
    h.put("metrics", metrics.stream().map(Metric::kerasName).collect(Collectors.joining(",")));
    StringBuilder sb = new StringBuilder();
    h.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
    return sb.toString();
  }

  private static void writeLayer(Map<String, String> h, String p, Layer layer) {
    h.put(p + "type", layer.baseName());
    if (!layer.inputShape().isEmpty()) {
      h.put(p + "input_shape", join(layer.inputShape()));
    }
    if (layer instanceof Dense d) {
      h.put(p + "units", Integer.toString(d.units()));
      h.put(p + "activation", d.activation().kerasName());
      h.put(p + "use_bias", Boolean.toString(d.useBias()));
      h.put(p + "kernel_initializer", d.kernelInitializer().kerasName());
      h.put(p + "bias_initializer", d.biasInitializer().kerasName());
    } else if (layer instanceof Dropout d) {
      h.put(p + "rate", Double.toString(d.rate()));
    } else if (layer instanceof Conv2D c) {
      h.put(p + "filters", Integer.toString(c.filters()));
      h.put(p + "kernel_size", join(c.kernelSize()));
      h.put(p + "strides", join(c.strides()));
      h.put(p + "padding", c.padding().kerasName());
      h.put(p + "activation", c.activation().kerasName());
      h.put(p + "use_bias", Boolean.toString(c.useBias()));
      h.put(p + "kernel_initializer", c.kernelInitializer().kerasName());
      h.put(p + "bias_initializer", c.biasInitializer().kerasName());
    } else if (layer instanceof MaxPooling2D m) {
      h.put(p + "pool_size", join(m.poolSize()));
      h.put(p + "strides", join(m.strides()));
      h.put(p + "padding", m.padding().kerasName());
    }
  }

  /**
   * @throws ModelFormatException naming the file and the missing or bad key
   */
  static ModelHeader parse(String text, Path path) throws ModelFormatException {
    Properties props = new Properties();
    try {
      props.load(new StringReader(text));
    } catch (IOException | IllegalArgumentException e) {
      throw new ModelFormatException(path, "unreadable header: " + e.getMessage(), e);
    }
    Fields f = new Fields(props, path);
    try {
      int n = f.integer("layers");
      List<Layer> layers = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        layers.add(readLayer(f, "layer." + i + "."));
      }
      Optimizer optimizer = readOptimizer(f);
      Loss loss = Loss.of(f.text("loss"));
      List<Metric> metrics = new ArrayList<>();
      String m = f.text("metrics");
      if (!m.isEmpty()) {
        for (String name : m.split(",")) {
          metrics.add(Metric.of(name));
        }
      }
      return new ModelHeader(layers, Long.parseLong(f.text("seed")), optimizer, loss, metrics);
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(path, "invalid header: " + e.getMessage(), e);
    }
  }

  private static Layer readLayer(Fields f, String p) throws ModelFormatException {
    String type = f.text(p + "type");
    Layer layer;
    switch (type) {
      case "dense" -> layer = new Dense(f.integer(p + "units"), Activation.of(f.text(p + "activation")),
          f.bool(p + "use_bias"), Initializer.of(f.text(p + "kernel_initializer")),
          Initializer.of(f.text(p + "bias_initializer")), List.of());
      case "dropout" -> layer = new Dropout(Double.parseDouble(f.text(p + "rate")), List.of());
      case "conv2d" -> layer = new Conv2D(f.integer(p + "filters"), f.ints(p + "kernel_size"),
          f.ints(p + "strides"), Padding.of(f.text(p + "padding")), Activation.of(f.text(p + "activation")),
          f.bool(p + "use_bias"), Initializer.of(f.text(p + "kernel_initializer")),
          Initializer.of(f.text(p + "bias_initializer")), List.of());
      case "max_pooling2d" -> layer = new MaxPooling2D(f.ints(p + "pool_size"), f.ints(p + "strides"),
          Padding.of(f.text(p + "padding")), List.of());
      case "flatten" -> layer = new Flatten(List.of());
      default -> throw new IllegalArgumentException("unknown layer type '" + type + "' at " + p + "type");
    }
    String shape = f.optional(p + "input_shape");
    if (shape == null) {
      return layer;
    }
    List<Integer> s = f.ints(p + "input_shape");
    int[] dims = s.stream().mapToInt(Integer::intValue).toArray();
    if (layer instanceof Dense d) {
      return d.inputShape(dims);
    } else if (layer instanceof Dropout d) {
      return d.inputShape(dims);
    } else if (layer instanceof Conv2D c) {
      return c.inputShape(dims);
    } else if (layer instanceof MaxPooling2D m) {
      return m.inputShape(dims);
    }
    return ((Flatten) layer).inputShape(dims);
  }

  private static Optimizer readOptimizer(Fields f) throws ModelFormatException {
    String name = f.text("optimizer");
    double lr = Double.parseDouble(f.text("optimizer.learning_rate"));
    switch (name) {
      case "rmsprop":
        return new Optimizer.RmsProp(lr, Double.parseDouble(f.text("optimizer.rho")),
            Double.parseDouble(f.text("optimizer.epsilon")));
      case "adam":
        return new Optimizer.Adam(lr, Double.parseDouble(f.text("optimizer.beta_1")),
            Double.parseDouble(f.text("optimizer.beta_2")), Double.parseDouble(f.text("optimizer.epsilon")));
      case "sgd":
        return new Optimizer.Sgd(lr, Double.parseDouble(f.text("optimizer.momentum")), f.bool("optimizer.nesterov"));
      default:
        throw new IllegalArgumentException("unknown optimizer '" + name + "'");
    }
  }

  private static String join(List<Integer> values) {
    return values.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  /** Typed access to header keys, failing with the key's name. */
  private record Fields(Properties props, Path path) {
    String optional(String key) {
      return props.getProperty(key);
    }

    String text(String key) throws ModelFormatException {
      String v = props.getProperty(key);
      if (v == null) {
        throw new ModelFormatException(path, "invalid header: the key '" + key + "' is missing");
      }
      return v;
    }

    int integer(String key) throws ModelFormatException {
      return Integer.parseInt(text(key));
    }

    boolean bool(String key) throws ModelFormatException {
      String v = text(key);
      if (!v.equals("true") && !v.equals("false")) {
        throw new IllegalArgumentException(key + " must be true or false, got '" + v + "'");
      }
      return Boolean.parseBoolean(v);
    }

    List<Integer> ints(String key) throws ModelFormatException {
      return Arrays.stream(text(key).split(",")).map(String::trim).map(Integer::valueOf).toList();
    }
  }
}
