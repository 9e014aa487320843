package org.mnistkit.nn;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mnistkit.core.io.FileFormatException;
import org.mnistkit.core.io.ModelFormat;
import org.mnistkit.core.io.ModelReader;
import org.mnistkit.core.io.ModelWriter;
import org.mnistkit.core.model.Provenance;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The layout of a {@link Sequential} model file in mnistkit's shared framing ({@link ModelWriter}:
 * magic "MKNN", layout version 2, kind "network", provenance, CRC-32, atomic write). Its blocks:
 *
 * <pre>
 * block "architecture"     text: sorted "key=value" lines, see {@link ArchitectureText}
 * block "weights"          int p, then p floats: the parameters in Deeplearning4j's order
 * block "optimizer-state"  int s, then s floats: the updater state (RMSprop's running mean of
 *                          squares, Adam's moments, SGD's velocity; 0 values for plain SGD)
 * </pre>
 *
 * The network is rebuilt from the architecture with the same code that {@link Sequential#compile}
 * uses, so a file does not depend on Deeplearning4j's own serialization. Files written before the
 * shared framing (version 1, magic "MNISTKIT-NN\n") are read by {@link NetworkFileV1}.
 */
final class NetworkFile {

  /** The network's kind of model file. */
  static final ModelFormat FORMAT = new ModelFormat("MKNN", "network", 2);

  private NetworkFile() {}

  /** @return what {@link ModelWriter#write} needs to write a compiled model's blocks */
  static ModelWriter.Body body(Sequential model) {
    MultiLayerNetwork net = model.network();
    String architecture = ArchitectureText.of(model).toText();
    float[] params = NdArrays.toFloats(net.params());
    INDArray stateView = net.getUpdater().getStateViewArray();
    float[] state = stateView == null ? new float[0] : NdArrays.toFloats(stateView);
    return out -> {
      out.block("architecture", o -> o.writeText(architecture));
      out.block("weights", o -> {
        o.writeInt(params.length);
        o.writeFloats(params);
      });
      out.block("optimizer-state", o -> {
        o.writeInt(state.length);
        o.writeFloats(state);
      });
    };
  }

  /** Saves a compiled model atomically. */
  static void save(Sequential model, Path file) throws IOException {
    ModelWriter.write(file, FORMAT, model.provenance(), body(model));
  }

  /**
   * Reads a file of either version.
   *
   * @throws FileFormatException when the file is not a network file (naming what it is), or is
   *     truncated, corrupt or of an unsupported version
   */
  static Sequential load(Path file) throws IOException {
    if (NetworkFileV1.matches(file)) {
      return NetworkFileV1.load(file);
    }
    try (ModelReader in = ModelReader.open(file, FORMAT)) {
      if (in.version() < 2) {
        throw in.fail("claims network layout version 1 but lacks the version-1 magic \"MNISTKIT-NN\"");
      }
      ArchitectureText arch = in.block("architecture", r -> parse(r.readText("architecture"), file));
      float[] params = in.block("weights", r -> r.readFloats(r.readCount("weights", 0, Integer.MAX_VALUE),
          "weights"));
      float[] state = in.block("optimizer-state", r -> r.readFloats(
          r.readCount("optimizer state values", 0, Integer.MAX_VALUE), "optimizer state"));
      in.finish();
      return restore(arch, params, state, in.provenance(), file);
    }
  }

  /** @throws FileFormatException naming the file and the bad key */
  static ArchitectureText parse(String text, Path file) throws FileFormatException {
    try {
      return ArchitectureText.parse(text);
    } catch (IllegalArgumentException e) {
      throw new FileFormatException(file, "invalid architecture: " + e.getMessage(), e);
    }
  }

  /** @return whether the file starts with the given bytes */
  static boolean startsWith(Path file, byte[] prefix) throws IOException {
    try (InputStream s = Files.newInputStream(file)) {
      return Arrays.equals(s.readNBytes(prefix.length), prefix);
    }
  }

  /**
   * Rebuilds a compiled model and installs its weights and optimizer state.
   *
   * @throws FileFormatException when the layers do not fit together or the counts do not match them
   */
  static Sequential restore(ArchitectureText h, float[] params, float[] state, Provenance provenance, Path file)
      throws FileFormatException {
    Sequential model;
    try {
      model = Sequential.of(h.layers()).seed(h.seed());
    } catch (IllegalArgumentException e) {
      throw new FileFormatException(file, "invalid model: " + e.getMessage(), e);
    }
    if (params.length != model.countParams()) {
      throw new FileFormatException(file, String.format(Locale.ROOT,
          "%d weights stored but the layers need %d", params.length, model.countParams()));
    }
    model.compile(h.optimizer(), h.loss(), h.metrics().toArray(Metric[]::new));
    MultiLayerNetwork net = model.network();
    net.setParams(NdArrays.row(params));
    INDArray view = net.getUpdater().getStateViewArray();
    long stateSize = view == null ? 0 : view.length();
    if (state.length != stateSize) {
      net.close(); // the compiled network's native memory; the model is not returned
      throw new FileFormatException(file, String.format(Locale.ROOT,
          "%d optimizer state values stored but %s needs %d", state.length, h.optimizer().kerasName(),
          stateSize));
    }
    if (view != null) {
      view.assign(NdArrays.row(state).reshape(view.shape()));
    }
    model.restoreProvenance(provenance);
    return model;
  }
}
