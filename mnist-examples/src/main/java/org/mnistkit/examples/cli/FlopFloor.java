package org.mnistkit.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.mnistkit.nn.Sequential;
import org.mnistkit.nn.layers.Dense;
import org.mnistkit.nn.layers.Layer;

/**
 * The FLOP floor of a dense network's fit: the seconds its multiply-adds take at the machine's
 * fp32 peak, a bound no implementation beats. Multiply-adds per image: forward the sum of
 * nIn x nOut over the layers (406,528 for 784-512-10); backward the kernel gradients (the same
 * sum) plus the input gradients of every layer but the first (411,648 for 784-512-10). Two FLOP
 * per multiply-add. The peak assumed is that of AVX2 with FMA: cores x 2 FMA units x 8 fp32 lanes
 * x 2 FLOP x clock, the clock read from the highest "cpu MHz" in /proc/cpuinfo (2 cores at 2.096
 * GHz: 134 GFLOP/s).
 */
final class FlopFloor {

  private FlopFloor() {}

  /**
   * @param net a network whose layers are all dense
   * @return forward plus backward multiply-adds per training image, or -1 when a layer is not
   *     dense
   */
  static long multiplyAddsPerImage(Sequential net) {
    List<Layer> layers = net.layers();
    long forward = 0;
    long inputGradients = 0;
    int in = net.numFeatures();
    for (int l = 0; l < layers.size(); l++) {
      if (!(layers.get(l) instanceof Dense d)) {
        return -1;
      }
      long products = (long) in * d.units();
      forward += products;
      inputGradients += l > 0 ? products : 0;
      in = d.units();
    }
    return 2 * forward + inputGradients;
  }

  /**
   * @return the fp32 peak in FLOP/s assumed for this machine (see the class comment), or NaN
   *     when /proc/cpuinfo gives no clock
   */
  static double peakFlops() {
    double mhz = 0;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("cpu MHz")) {
          mhz = Math.max(mhz, Double.parseDouble(line.substring(line.indexOf(':') + 1).trim()));
        }
      }
    } catch (IOException | NumberFormatException | StringIndexOutOfBoundsException e) {
      return Double.NaN;
    }
    return mhz > 0 ? Runtime.getRuntime().availableProcessors() * 2.0 * 8 * 2 * mhz * 1e6 : Double.NaN;
  }

  /**
   * @param net the network fitted
   * @param images training images per epoch
   * @param epochs epochs fitted
   * @return the seconds of the fit's multiply-adds at {@link #peakFlops()}, or null for a network
   *     with other than dense layers or when the clock is unknown
   */
  static Double seconds(Sequential net, int images, int epochs) {
    long perImage = multiplyAddsPerImage(net);
    double peak = peakFlops();
    if (perImage < 0 || Double.isNaN(peak)) {
      return null;
    }
    return 2.0 * perImage * images * epochs / peak;
  }

  /** @return such as "134.2 GFLOP/s" */
  static String describe(double peak) {
    return String.format(Locale.ROOT, "%.1f GFLOP/s", peak / 1e9);
  }
}
