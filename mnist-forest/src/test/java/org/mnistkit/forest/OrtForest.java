package org.mnistkit.forest;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;
import org.mnistkit.core.tensor.FloatMatrix;

/**
 * Runs an exported forest in ONNX Runtime for the tests: one session per file, closed after use,
 * on one thread, logging errors only.
 */
final class OrtForest implements AutoCloseable {

  /** What ONNX Runtime gave: n labels and n x k probabilities. */
  record Output(long[] labels, float[][] probabilities) {}

  private final OrtEnvironment env;
  private final OrtSession.SessionOptions options;
  private final OrtSession session;

  OrtForest(Path file) throws OrtException {
    env = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "mnistkit-forest");
    options = new OrtSession.SessionOptions();
    options.setIntraOpNumThreads(1);
    options.setInterOpNumThreads(1);
    options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
    session = env.createSession(file.toString(), options);
  }

  /** @return the session, to look at its inputs and outputs */
  OrtSession session() {
    return session;
  }

  Output run(FloatMatrix x) throws OrtException {
    try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(x.data()),
            new long[] {x.rows(), x.cols()});
        OrtSession.Result result = session.run(Map.of(ForestOnnx.INPUT, input))) {
      long[] labels = (long[]) result.get(ForestOnnx.LABEL).orElseThrow().getValue();
      float[][] proba = (float[][]) result.get(ForestOnnx.PROBABILITIES).orElseThrow().getValue();
      return new Output(labels, proba);
    }
  }

  @Override
  public void close() throws OrtException {
    session.close();
    options.close();
  }
}
