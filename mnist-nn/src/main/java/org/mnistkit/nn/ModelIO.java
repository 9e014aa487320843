package org.mnistkit.nn;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mnistkit.core.io.AtomicFiles;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reads and writes {@link Sequential} models. Format version 1, all numbers big-endian:
 *
 * <pre>
 * 12 bytes  magic "MNISTKIT-NN\n"
 * int       format version (1)
 * int       header length h, then h bytes of UTF-8 text: sorted "key=value" lines describing the
 *           layers (layer.i.type, layer.i.units, ...), the seed, the optimizer, the loss and the
 *           metrics, with Keras's names
 * int       parameter count p, then p floats: the weights in Deeplearning4j's parameter order
 * int       optimizer state count s, then s floats: the updater state (e.g. RMSprop's running
 *           mean of squares)
 * long      CRC-32 of every byte before it
 * </pre>
 *
 * The network is rebuilt from the header with the same code that {@link Sequential#compile}
 * uses, so a file does not depend on Deeplearning4j's own serialization. Files are written
 * atomically.
 */
final class ModelIO {

  static final byte[] MAGIC = "MNISTKIT-NN\n".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 1;

  private ModelIO() {}

  static void save(Sequential model, Path path) throws IOException {
    MultiLayerNetwork net = model.network();
    float[] params = NdArrays.toFloats(net.params());
    INDArray stateView = net.getUpdater().getStateViewArray();
    float[] state = stateView == null ? new float[0] : NdArrays.toFloats(stateView);
    byte[] header = header(model).getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + header.length + 4 * (params.length + state.length));
    DataOutputStream out = new DataOutputStream(bytes);
    out.write(MAGIC);
    out.writeInt(VERSION);
    out.writeInt(header.length);
    out.write(header);
    writeFloats(out, params);
    writeFloats(out, state);
    out.flush();
    CRC32 crc = new CRC32();
    crc.update(bytes.toByteArray());
    out.writeLong(crc.getValue());
    byte[] content = bytes.toByteArray();
    AtomicFiles.write(path, o -> o.write(content));
  }

  static Sequential load(Path path) throws IOException {
    byte[] content = Files.readAllBytes(path);
    if (content.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(content, MAGIC.length), MAGIC)) {
      throw new ModelFormatException(path + " is not a mnist-nn model file: it does not start with \"MNISTKIT-NN\"");
    }
    ByteBuffer in = ByteBuffer.wrap(content);
    in.position(MAGIC.length);
    try {
      int version = in.getInt();
      if (version != VERSION) {
        throw new ModelFormatException(String.format(Locale.ROOT,
            "%s has format version %d; this mnist-nn reads version %d", path, version, VERSION));
      }
      String header = new String(bytes(in, in.getInt(), path, "header"), StandardCharsets.UTF_8);
      float[] params = floats(in, path, "weights");
      float[] state = floats(in, path, "optimizer state");
      int checked = in.position();
      long expected = in.getLong();
      CRC32 crc = new CRC32();
      crc.update(content, 0, checked);
      if (crc.getValue() != expected) {
        throw new ModelFormatException(path + " is corrupt: its CRC-32 does not match its content");
      }
      if (in.hasRemaining()) {
        throw new ModelFormatException(path + " has " + in.remaining() + " unexpected bytes after its checksum");
      }
      return restore(parseHeader(header, path), params, state, path);
    } catch (BufferUnderflowException e) {
      throw new ModelFormatException(path + " is truncated: it ends after " + content.length + " bytes", e);
    }
  }

  private static Sequential restore(Header h, float[] params, float[] state, Path path) throws IOException {
    Sequential model;
    try {
      model = Sequential.of(h.layers).seed(h.seed);
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(path + " describes an invalid model: " + e.getMessage(), e);
    }
    if (params.length != model.countParams()) {
      throw new ModelFormatException(String.format(Locale.ROOT,
          "%s holds %d weights but its layers need %d", path, params.length, model.countParams()));
    }
    model.compile(h.optimizer, h.loss, h.metrics.toArray(Metric[]::new));
    MultiLayerNetwork net = model.network();
    net.setParams(NdArrays.row(params));
    INDArray view = net.getUpdater().getStateViewArray();
    long stateSize = view == null ? 0 : view.length();
    if (state.length != stateSize) {
      throw new ModelFormatException(String.format(Locale.ROOT,
          "%s holds %d optimizer state values but %s needs %d", path, state.length, h.optimizer.kerasName(),
          stateSize));
    }
    if (view != null) {
      view.assign(NdArrays.row(state).reshape(view.shape()));
    }
    return model;
  }

  private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
    out.writeInt(values.length);
    ByteBuffer buf = ByteBuffer.allocate(4 * values.length);
    buf.asFloatBuffer().put(values);
    out.write(buf.array());
  }

  private static float[] floats(ByteBuffer in, Path path, String what) throws ModelFormatException {
    int n = in.getInt();
    if (n < 0 || (long) n * 4 > in.remaining()) {
      throw new ModelFormatException(String.format(Locale.ROOT,
          "%s is truncated or corrupt: it announces %d %s values but only %d bytes follow", path, n, what,
          in.remaining()));
    }
    float[] values = new float[n];
    in.asFloatBuffer().get(values);
    in.position(in.position() + 4 * n);
    return values;
  }

  private static byte[] bytes(ByteBuffer in, int n, Path path, String what) throws ModelFormatException {
    if (n < 0 || n > in.remaining()) {
      throw new ModelFormatException(String.format(Locale.ROOT,
          "%s is truncated or corrupt: it announces a %d-byte %s but only %d bytes follow", path, n, what,
          in.remaining()));
    }
    byte[] b = new byte[n];
    in.get(b);
    return b;
  }

  // ---- header ----

  private record Header(List<Layer> layers, long seed, Optimizer optimizer, Loss loss, List<Metric> metrics) {}

  static String header(Sequential model) {
    Map<String, String> h = new TreeMap<>();
    h.put("seed", Long.toString(model.seed()));
    List<Layer> layers = model.layers();
    h.put("layers", Integer.toString(layers.size()));
    for (int i = 0; i < layers.size(); i++) {
      writeLayer(h, "layer." + i + ".", layers.get(i));
    }
    Optimizer o = model.optimizer();
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
    h.put("loss", model.loss().kerasName());
    h.put("metrics", model.metrics().stream().map(Metric::kerasName).collect(Collectors.joining(",")));
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

  private static Header parseHeader(String text, Path path) throws ModelFormatException {
    Properties props = new Properties();
    try {
      props.load(new StringReader(text));
    } catch (IOException | IllegalArgumentException e) {
      throw new ModelFormatException(path + " has an unreadable header: " + e.getMessage(), e);
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
      return new Header(layers, Long.parseLong(f.text("seed")), optimizer, loss, metrics);
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(path + " has an invalid header: " + e.getMessage(), e);
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
        throw new ModelFormatException(path + " has an invalid header: the key '" + key + "' is missing");
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
