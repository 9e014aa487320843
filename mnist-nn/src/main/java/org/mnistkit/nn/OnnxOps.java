package org.mnistkit.nn;

import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.tribuo.util.onnx.ONNXAttribute;
import org.tribuo.util.onnx.ONNXOperator;
import org.tribuo.util.onnx.ONNXOperators;

/**
 * The ONNX operators (default domain, opset {@value #OPSET}) that mnist-nn's export needs beyond
 * those of Tribuo's {@link ONNXOperators}, declared the way Tribuo declares its own, so that
 * Tribuo's graph builder checks their inputs and attributes. Attribute lists cover what the export
 * sets, not every attribute of the operator.
 */
enum OnnxOps implements ONNXOperator {
  RELU("Relu", 1),
  TANH("Tanh", 1),
  ELU("Elu", 1, attr("alpha", AttributeType.FLOAT)),
  SELU("Selu", 1),
  SOFTPLUS("Softplus", 1),
  SOFTSIGN("Softsign", 1),
  MATMUL("MatMul", 2),
  RESHAPE("Reshape", 2),
  TRANSPOSE("Transpose", 1, attr("perm", AttributeType.INTS)),
  FLATTEN("Flatten", 1, attr("axis", AttributeType.INT)),
  CONV("Conv", 2, 1, attr("kernel_shape", AttributeType.INTS), attr("strides", AttributeType.INTS),
      attr("pads", AttributeType.INTS)),
  MAX_POOL("MaxPool", 1, 0, attr("kernel_shape", AttributeType.INTS), attr("strides", AttributeType.INTS),
      attr("pads", AttributeType.INTS));

  /** The opset the exported graphs import, Tribuo's: 13. */
  static final int OPSET = 13;

  private final String opName;
  private final int inputs;
  private final int optionalInputs;
  private final Map<String, ONNXAttribute> attributes;

  OnnxOps(String opName, int inputs, ONNXAttribute... attributes) {
    this(opName, inputs, 0, attributes);
  }

  OnnxOps(String opName, int inputs, int optionalInputs, ONNXAttribute... attributes) {
    this.opName = opName;
    this.inputs = inputs;
    this.optionalInputs = optionalInputs;
    Map<String, ONNXAttribute> map = new LinkedHashMap<>();
    for (ONNXAttribute a : attributes) {
      map.put(a.getName(), a);
    }
    this.attributes = Collections.unmodifiableMap(map);
  }

  private static ONNXAttribute attr(String name, AttributeType type) {
    return new ONNXAttribute(name, type, false);
  }

  @Override
  public String getOpName() {
    return opName;
  }

  @Override
  public int getNumInputs() {
    return inputs;
  }

  @Override
  public int getNumOptionalInputs() {
    return optionalInputs;
  }

  @Override
  public int getNumOutputs() {
    return 1;
  }

  @Override
  public Map<String, ONNXAttribute> getAttributes() {
    return attributes;
  }

  @Override
  public Set<String> getMandatoryAttributeNames() {
    return attributes.values().stream().filter(ONNXAttribute::isMandatory).map(ONNXAttribute::getName)
        .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public int getOpVersion() {
    return OPSET;
  }

  @Override
  public String getOpDomain() {
    return null;
  }
}
