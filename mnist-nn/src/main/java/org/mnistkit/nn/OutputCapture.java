package org.mnistkit.nn;

import java.util.List;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Captures the output-layer probabilities of each training batch, so that the training accuracy
 * is measured on the same forward pass as the loss (as Keras does) without a second pass over the
 * batch. Deeplearning4j hands listeners the activations up to the output layer's input; this
 * listener applies the output layer (a batch x hidden x units product, small next to the hidden
 * layers) and copies the result to a reusable Java array.
 */
final class OutputCapture extends BaseTrainingListener {

  private final MultiLayerNetwork net;
  private final int units;
  private final float[] probabilities;
  private int rows;

  /** @param maxRows the largest batch that will be captured */
  OutputCapture(MultiLayerNetwork net, int units, int maxRows) {
    this.net = net;
    this.units = units;
    this.probabilities = new float[Math.multiplyExact(maxRows, units)];
  }

  @Override
  public void onForwardPass(Model model, List<INDArray> activations) {
    int outputIndex = net.getnLayers() - 1;
    INDArray last = activations.get(activations.size() - 1);
    INDArray p;
    if (activations.size() > net.getnLayers()) {
      p = last; // already the network's output
    } else {
      INDArray h = last;
      InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(outputIndex);
      if (pre != null) {
        h = pre.preProcess(h, (int) h.size(0), LayerWorkspaceMgr.noWorkspaces());
      }
      org.deeplearning4j.nn.api.Layer out = net.getOutputLayer();
      INDArray z = h.mmul(out.getParam(DefaultParamInitializer.WEIGHT_KEY));
      INDArray b = out.getParam(DefaultParamInitializer.BIAS_KEY);
      if (b != null) {
        z.addiRowVector(b);
      }
      IActivation fn = ((org.deeplearning4j.nn.conf.layers.BaseOutputLayer) out.conf().getLayer())
          .getActivationFn();
      p = fn.getActivation(z, false);
    }
    rows = (int) p.size(0);
    NdArrays.copyTo(p, probabilities, 0, rows * units);
  }

  /** @return the probabilities of the last captured batch, rows() x units, row-major (reused) */
  float[] probabilities() {
    return probabilities;
  }

  /** @return the number of rows of the last captured batch */
  int rows() {
    return rows;
  }
}
