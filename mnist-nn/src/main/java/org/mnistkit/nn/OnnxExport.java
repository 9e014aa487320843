package org.mnistkit.nn;

import ai.onnx.proto.OnnxMl;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mnistkit.core.io.AtomicFiles;
import org.mnistkit.core.model.Provenance;
import org.mnistkit.nn.layers.Activation;
import org.mnistkit.nn.layers.Dense;
import org.mnistkit.nn.layers.Layer;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXRef;

/**
 * Writes a compiled {@link Sequential} as an ONNX model (IR version 8, default-domain opset
 * {@value OnnxOps#OPSET}), built with Tribuo's ONNX graph builder. Each layer adds its own nodes
 * through its {@link LayerType}; this class adds the input, the reshaping of image inputs and the
 * output.
 *
 * <p>Graph: input {@code "input"}, float {@code [N, p]}, the rows {@link Sequential#predict} takes
 * ({@code p} = 784 for MNIST, values scaled to [0, 1] as for training). For a model with
 * convolution or pooling layers the rows, channels-last {@code (h, w, c)}, are reshaped to
 * {@code [N, h, w, c]} and transposed to NCHW, as Deeplearning4j sees them. Output {@code
 * "probabilities"} (softmax output layer) or {@code "output"} (any other), float {@code [N,
 * units]}: what {@link Sequential#predict} returns.
 */
final class OnnxExport {

  /** The name of the graph's input. */
  static final String INPUT = "input";

  private OnnxExport() {}

  /**
   * @param model a compiled model
   * @param file the file to create or replace, atomically
   * @throws IOException when writing fails
   * @throws IllegalArgumentException when a layer cannot be exported (softmax on an image tensor)
   */
  static void export(Sequential model, Path file) throws IOException {
    byte[] bytes = build(model).toByteArray();
    AtomicFiles.write(file, out -> out.write(bytes));
  }

  /** @return the ONNX model of a compiled network */
  static OnnxMl.ModelProto build(Sequential model) {
    Architecture arch = model.architecture();
    MultiLayerNetwork net = model.network();
    ONNXContext graph = new ONNXContext();
    graph.setName("mnistkit_sequential");
    ONNXRef<?> tensor = graph.floatInput(INPUT, arch.inputWidth());
    boolean images = arch.isConvolutional();
    if (images) {
      int[] s = arch.inputShape();
      tensor = tensor.apply(OnnxOps.RESHAPE, graph.array("input_shape_nhwc", new long[] {-1, s[0], s[1], s[2]}),
          "input_nhwc");
      tensor = tensor.apply(OnnxOps.TRANSPOSE, List.of(), List.of("input_nchw"),
          Map.of("perm", new int[] {0, 3, 1, 2})).get(0);
    }
    Map<String, Integer> seen = new HashMap<>();
    int dl4jIndex = 0;
    for (int i = 0; i < arch.layers().size(); i++) {
      Layer layer = arch.layers().get(i);
      int k = seen.merge(layer.baseName(), 1, Integer::sum) - 1;
      String name = layer.baseName() + (k == 0 ? "" : "_" + k);
      boolean hasDl4jLayer = LayerTypes.hasDl4jLayer(layer);
      OnnxStep step = new OnnxStep(graph, name, tensor, arch.inputShapes().get(i),
          hasDl4jLayer ? net.getLayer(dl4jIndex) : null, images);
      export(layer, step);
      tensor = step.tensor();
      dl4jIndex += hasDl4jLayer ? 1 : 0;
    }
    Dense last = (Dense) arch.layers().get(arch.layers().size() - 1);
    String output = last.activation() == Activation.SOFTMAX ? "probabilities" : "output";
    graph.assignTo(tensor, graph.floatOutput(output, arch.units()));
    OnnxMl.ModelProto.Builder onnx = OnnxMl.ModelProto.newBuilder()
        .setIrVersion(8)
        .addOpsetImport(ONNXOperators.getOpsetProto())
        .setProducerName("mnistkit")
        .setProducerVersion(Provenance.libraryVersion())
        .setDomain("org.mnistkit")
        .setModelVersion(1)
        .setDocString("mnistkit Sequential: " + model.layers().size() + " layers; input [N, "
            + arch.inputWidth() + "] float rows scaled as for training; output [N, " + arch.units() + "]")
        .setGraph(graph.buildGraph());
    // the model's provenance travels with it, as the forest's export does
    model.provenance().toProperties().forEach((key, value) -> onnx.addMetadataProps(
        OnnxMl.StringStringEntryProto.newBuilder().setKey(key).setValue(value)));
    return onnx.build();
  }

  private static <L extends Layer> void export(L layer, OnnxStep step) {
    LayerTypes.of(layer).toOnnx(layer, step);
  }
}
