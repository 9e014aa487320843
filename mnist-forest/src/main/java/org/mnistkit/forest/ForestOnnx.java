package org.mnistkit.forest;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.mnistkit.core.io.AtomicFiles;
import org.mnistkit.core.model.Provenance;

/**
 * Builds the ONNX-ML graph of {@link RandomForestModel#exportOnnx} (whose Javadoc is the user's
 * description: inputs, outputs, shapes, scaling, opsets) with the protobuf classes of {@code
 * ai.onnx.proto.OnnxMl}.
 *
 * <p>Why the graph is built this way: every internal node is {@code BRANCH_LEQ} with the tree's
 * float threshold as it is, which is exactly {@link Tree}'s rule (left when {@code x <= t}), and
 * ONNX Runtime compares float inputs with float thresholds. Every leaf gives weight 1 to its
 * class, so the classifier's scores are vote counts, which float sums hold exactly in any order.
 * With more than two classes, zero base values give every class a score; with two, ONNX Runtime
 * would treat the scores as binary (a base value turns them into {@code -s, s}), so each leaf
 * also gives weight 0 to the other class instead. A {@code Div} by the number of trees then
 * computes the same float division as {@link RandomForestModel#predictProba}. The classifier's
 * own label output is not used: for two classes ONNX Runtime labels a row by whether the second
 * class has a positive score rather than by the majority, and runtimes may differ on ties; an
 * {@code ArgMax} over the votes
 * (first index on ties, as {@link RandomForestModel#predictClasses}) and a {@code Gather} of the
 * class labels give the label instead.
 */
final class ForestOnnx {

  /** The name of the graph's input. */
  static final String INPUT = "input";
  /** The name of the label output. */
  static final String LABEL = "label";
  /** The name of the probabilities output. */
  static final String PROBABILITIES = "probabilities";
  /** The opset of the default ONNX domain. */
  static final int OPSET = 13;
  /** The opset of the ai.onnx.ml domain. */
  static final int ML_OPSET = 3;
  /** The ONNX IR version. */
  static final int IR_VERSION = 8;

  private static final String ML = "ai.onnx.ml";

  private ForestOnnx() {}

  /**
   * @param m the forest
   * @param file the file to create or replace, atomically
   * @throws IOException when writing or moving fails
   * @throws IllegalStateException when the forest has a single class
   */
  static void write(RandomForestModel m, Path file) throws IOException {
    ModelProto model = model(m);
    AtomicFiles.write(file, model::writeTo);
  }

  /**
   * @param m the forest, with at least 2 classes
   * @return the ONNX model of the forest
   * @throws IllegalStateException when the forest has a single class
   */
  static ModelProto model(RandomForestModel m) {
    int k = m.numClasses();
    if (k < 2) {
      throw new IllegalStateException("the forest knows a single class (label " + m.classes()[0]
          + "); ONNX-ML's TreeEnsembleClassifier needs at least 2 classes, so it cannot be "
          + "exported; fit it with declared classes (RandomForest.fit(x, y, classes))");
    }
    long[] labels = new long[k];
    for (int c = 0; c < k; c++) {
      labels[c] = m.classes()[c];
    }
    GraphProto.Builder graph = GraphProto.newBuilder()
        .setName("mnistkit_random_forest")
        .setDocString(String.format(Locale.ROOT, "mnistkit random forest: %d trees, %d features, "
            + "%d classes; input rows scaled as the training data", m.numTrees(),
            m.numFeatures(), k))
        .addInput(tensorInfo(INPUT, TensorProto.DataType.FLOAT, -1, m.numFeatures()))
        .addOutput(tensorInfo(LABEL, TensorProto.DataType.INT64, -1))
        .addOutput(tensorInfo(PROBABILITIES, TensorProto.DataType.FLOAT, -1, k))
        .addInitializer(TensorProto.newBuilder().setName("class_labels")
            .setDataType(TensorProto.DataType.INT64_VALUE).addDims(k)
            .addAllInt64Data(longs(labels)))
        .addInitializer(TensorProto.newBuilder().setName("num_trees")
            .setDataType(TensorProto.DataType.FLOAT_VALUE)
            .addFloatData((float) m.numTrees()))
        .addNode(trees(m, labels))
        .addNode(node("Div", "share_of_votes", List.of("votes", "num_trees"),
            List.of(PROBABILITIES)))
        .addNode(node("ArgMax", "most_votes", List.of("votes"), List.of("best_class"))
            .addAttribute(intAttribute("axis", 1))
            .addAttribute(intAttribute("keepdims", 0))
            .addAttribute(intAttribute("select_last_index", 0)))
        .addNode(node("Gather", "label_of_class", List.of("class_labels", "best_class"),
            List.of(LABEL)).addAttribute(intAttribute("axis", 0)));
    ModelProto.Builder model = ModelProto.newBuilder()
        .setIrVersion(IR_VERSION)
        .setProducerName("mnistkit")
        .setProducerVersion(Provenance.libraryVersion())
        .setDocString("A random forest exported by mnistkit's RandomForestModel.exportOnnx")
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain(ML).setVersion(ML_OPSET))
        .setGraph(graph);
    m.provenance().toProperties().forEach((key, value) -> model.addMetadataProps(
        StringStringEntryProto.newBuilder().setKey(key).setValue(value)));
    return model.build();
  }

  /** The TreeEnsembleClassifier node: every tree's nodes, and one vote per leaf. */
  private static NodeProto.Builder trees(RandomForestModel m, long[] labels) {
    int k = labels.length;
    List<Long> treeIds = new ArrayList<>();
    List<Long> nodeIds = new ArrayList<>();
    List<Long> featureIds = new ArrayList<>();
    List<ByteString> modes = new ArrayList<>();
    List<Float> values = new ArrayList<>();
    List<Long> trueIds = new ArrayList<>();
    List<Long> falseIds = new ArrayList<>();
    List<Long> classTreeIds = new ArrayList<>();
    List<Long> classNodeIds = new ArrayList<>();
    List<Long> classIds = new ArrayList<>();
    List<Float> classWeights = new ArrayList<>();
    ByteString leq = ByteString.copyFrom("BRANCH_LEQ", StandardCharsets.US_ASCII);
    ByteString leaf = ByteString.copyFrom("LEAF", StandardCharsets.US_ASCII);
    for (int t = 0; t < m.numTrees(); t++) {
      Tree tree = m.tree(t);
      for (int i = 0; i < tree.numNodes(); i++) {
        treeIds.add((long) t);
        nodeIds.add((long) i);
        if (tree.isLeaf(i)) {
          featureIds.add(0L);
          modes.add(leaf);
          values.add(0f);
          trueIds.add(0L);
          falseIds.add(0L);
          // Two classes: both scores at every leaf, else ONNX Runtime treats the pair as binary
          // scores; more: the leaf's class only (the base values keep every score).
          for (int c = 0; c < k; c++) {
            if (c == tree.leafClass(i) || k == 2) {
              classTreeIds.add((long) t);
              classNodeIds.add((long) i);
              classIds.add((long) c);
              classWeights.add(c == tree.leafClass(i) ? 1f : 0f);
            }
          }
        } else {
          featureIds.add((long) tree.feature(i));
          modes.add(leq);
          values.add(tree.threshold(i));
          trueIds.add((long) tree.left(i));
          falseIds.add((long) tree.left(i) + 1);
        }
      }
    }
    NodeProto.Builder node = node("TreeEnsembleClassifier", "trees", List.of(INPUT),
        List.of("tree_label", "votes")).setDomain(ML)
        .addAttribute(intsAttribute("classlabels_int64s", longs(labels)))
        .addAttribute(intsAttribute("nodes_treeids", treeIds))
        .addAttribute(intsAttribute("nodes_nodeids", nodeIds))
        .addAttribute(intsAttribute("nodes_featureids", featureIds))
        .addAttribute(AttributeProto.newBuilder().setName("nodes_modes")
            .setType(AttributeType.STRINGS).addAllStrings(modes))
        .addAttribute(floatsAttribute("nodes_values", values))
        .addAttribute(intsAttribute("nodes_truenodeids", trueIds))
        .addAttribute(intsAttribute("nodes_falsenodeids", falseIds))
        .addAttribute(intsAttribute("class_treeids", classTreeIds))
        .addAttribute(intsAttribute("class_nodeids", classNodeIds))
        .addAttribute(intsAttribute("class_ids", classIds))
        .addAttribute(floatsAttribute("class_weights", classWeights))
        .addAttribute(AttributeProto.newBuilder().setName("post_transform")
            .setType(AttributeType.STRING)
            .setS(ByteString.copyFrom("NONE", StandardCharsets.US_ASCII)));
    if (k > 2) {
      node.addAttribute(floatsAttribute("base_values", Collections.nCopies(k, 0f)));
    }
    return node;
  }

  private static NodeProto.Builder node(String op, String name, List<String> inputs,
      List<String> outputs) {
    return NodeProto.newBuilder().setOpType(op).setName(name).addAllInput(inputs)
        .addAllOutput(outputs);
  }

  /** A tensor's name, type and shape; a dimension of -1 is the batch dimension "N". */
  private static ValueInfoProto tensorInfo(String name, TensorProto.DataType type, int... dims) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    for (int d : dims) {
      shape.addDim(d < 0 ? TensorShapeProto.Dimension.newBuilder().setDimParam("N")
          : TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    }
    return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
        .setTensorType(TypeProto.Tensor.newBuilder().setElemType(type.getNumber())
            .setShape(shape))).build();
  }

  private static AttributeProto intAttribute(String name, long value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeType.INT).setI(value)
        .build();
  }

  private static AttributeProto intsAttribute(String name, List<Long> values) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeType.INTS)
        .addAllInts(values).build();
  }

  private static AttributeProto floatsAttribute(String name, List<Float> values) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeType.FLOATS)
        .addAllFloats(values).build();
  }

  private static List<Long> longs(long[] values) {
    List<Long> out = new ArrayList<>(values.length);
    for (long v : values) {
      out.add(v);
    }
    return out;
  }
}
