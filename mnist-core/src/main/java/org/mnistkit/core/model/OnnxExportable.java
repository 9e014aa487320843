package org.mnistkit.core.model;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A fitted model that can be handed to other runtimes as an ONNX file (the network as standard
 * ONNX operators, the forest as an ONNX-ML {@code TreeEnsembleClassifier}). Each implementation's
 * Javadoc states the graph's inputs and outputs, their shapes, the scaling the input needs, and
 * the opsets.
 */
public interface OnnxExportable {

  /**
   * Writes the model as an ONNX file, atomically.
   *
   * @param file the file to create or replace, conventionally ending in {@code .onnx}; its folder
   *     is created when missing
   * @throws IOException when writing or moving the file fails; the target is then unchanged
   */
  void exportOnnx(Path file) throws IOException;
}
