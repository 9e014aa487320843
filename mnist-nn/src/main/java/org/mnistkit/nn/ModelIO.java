package org.mnistkit.nn;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
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
 *           metrics, with Keras's names (see {@link ModelHeader})
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
    byte[] header = ModelHeader.of(model).toText().getBytes(StandardCharsets.UTF_8);
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
      throw new ModelFormatException(path,
          "not a mnist-nn model file: it does not start with \"MNISTKIT-NN\"");
    }
    ByteBuffer in = ByteBuffer.wrap(content);
    in.position(MAGIC.length);
    try {
      int version = in.getInt();
      if (version != VERSION) {
        throw new ModelFormatException(path, String.format(Locale.ROOT,
            "format version %d; this mnist-nn reads version %d", version, VERSION));
      }
      String header = new String(bytes(in, in.getInt(), path, "header"), StandardCharsets.UTF_8);
      float[] params = floats(in, path, "weights");
      float[] state = floats(in, path, "optimizer state");
      int checked = in.position();
      long expected = in.getLong();
      CRC32 crc = new CRC32();
      crc.update(content, 0, checked);
      if (crc.getValue() != expected) {
        throw new ModelFormatException(path, "corrupt: its CRC-32 does not match its content");
      }
      if (in.hasRemaining()) {
        throw new ModelFormatException(path, in.remaining() + " unexpected bytes after the checksum");
      }
      return restore(ModelHeader.parse(header, path), params, state, path);
    } catch (BufferUnderflowException e) {
      throw new ModelFormatException(path, "truncated: the file ends after " + content.length + " bytes", e);
    }
  }

  private static Sequential restore(ModelHeader h, float[] params, float[] state, Path path)
      throws IOException {
    Sequential model;
    try {
      model = Sequential.of(h.layers()).seed(h.seed());
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(path, "invalid model: " + e.getMessage(), e);
    }
    if (params.length != model.countParams()) {
      throw new ModelFormatException(path, String.format(Locale.ROOT,
          "%d weights stored but the layers need %d", params.length, model.countParams()));
    }
    model.compile(h.optimizer(), h.loss(), h.metrics().toArray(Metric[]::new));
    MultiLayerNetwork net = model.network();
    net.setParams(NdArrays.row(params));
    INDArray view = net.getUpdater().getStateViewArray();
    long stateSize = view == null ? 0 : view.length();
    if (state.length != stateSize) {
      throw new ModelFormatException(path, String.format(Locale.ROOT,
          "%d optimizer state values stored but %s needs %d", state.length, h.optimizer().kerasName(),
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
      throw new ModelFormatException(path, String.format(Locale.ROOT,
          "truncated or corrupt: %d %s values announced but only %d bytes follow", n, what, in.remaining()));
    }
    float[] values = new float[n];
    in.asFloatBuffer().get(values);
    in.position(in.position() + 4 * n);
    return values;
  }

  private static byte[] bytes(ByteBuffer in, int n, Path path, String what) throws ModelFormatException {
    if (n < 0 || n > in.remaining()) {
      throw new ModelFormatException(path, String.format(Locale.ROOT,
          "truncated or corrupt: a %d-byte %s announced but only %d bytes follow", n, what, in.remaining()));
    }
    byte[] b = new byte[n];
    in.get(b);
    return b;
  }
}
