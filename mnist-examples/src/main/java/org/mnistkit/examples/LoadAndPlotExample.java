package org.mnistkit.examples;

import java.io.IOException;
import java.nio.file.Path;
import org.mnistkit.core.data.Mnist;
import org.mnistkit.core.data.MnistDataset;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.eda.plot.DigitImages;

/**
 * Load MNIST, look at one digit, and prepare the matrices the models take: the first three steps
 * of the walkthrough. Run: {@code java -cp mnist-examples/target/mnistkit.jar
 * org.mnistkit.examples.LoadAndPlotExample [out-dir]}.
 */
public final class LoadAndPlotExample {

  private LoadAndPlotExample() {}

  /** @param args an optional output folder (default: the current one) */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : ".");
    MnistDataset mnist = Mnist.load(); // fetched and verified on first use, then read from the cache
    System.out.println("train: " + java.util.Arrays.toString(mnist.train().shape())); // [60000, 28, 28]

    // the fifth training image, like plot(as.raster(digit, max = 255))
    DigitImages.write(mnist.train().image(4), 8, out.resolve("digit.png"));
    System.out.println("the fifth training image is a " + mnist.train().label(4));

    // array_reshape(x, c(60000, 784)) / 255 and to_categorical(y, 10)
    FloatMatrix x = mnist.train().toScaledMatrix();
    FloatMatrix y = mnist.train().toCategorical();
    System.out.println("x: " + x + ", y: " + y);
  }
}
