package org.mnistkit.nn;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;
import org.mnistkit.core.tensor.FloatMatrix;

/** Runs an exported ONNX file in ONNX Runtime, quietly (warnings and above only as errors). */
final class OnnxRuntime {

  private static final OrtEnvironment ENV =
      OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "mnist-nn-tests");

  private OnnxRuntime() {}

  /**
   * @param file an exported model with input "input"
   * @param output the output's name
   * @return the output for x, rows x units
   */
  static FloatMatrix run(Path file, FloatMatrix x, String output) throws OrtException {
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
      options.setIntraOpNumThreads(1);
      try (OrtSession session = ENV.createSession(file.toString(), options);
          OnnxTensor in = OnnxTensor.createTensor(ENV, FloatBuffer.wrap(x.data()), new long[] {x.rows(), x.cols()});
          OrtSession.Result result = session.run(Map.of("input", in))) {
        float[][] out = (float[][]) result.get(output).orElseThrow(
            () -> new AssertionError("no output named " + output)).getValue();
        return FloatMatrix.of(out);
      }
    }
  }
}
