package org.mnistkit.core.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One-line access to MNIST and Fashion-MNIST, like keras' {@code dataset_mnist()}:
 *
 * <pre>{@code
 * MnistDataset mnist = Mnist.load();                  // fetched and verified once, then cached
 * FloatMatrix x = mnist.train().toScaledMatrix();     // 60000 x 784, values in [0, 1]
 * FloatMatrix y = mnist.train().toCategorical();      // 60000 x 10, one-hot
 * }</pre>
 *
 * <p>{@link #load()} reads the verified cache ({@code $MNISTKIT_HOME/datasets/mnist}, by default
 * {@code ~/.mnistkit/datasets/mnist}) and fills it on first use from the sources in
 * {@link DatasetSpec#MNIST}; see {@link DatasetLoader} for the order, and {@link #loader()} to
 * change the folder, the sources, the timeouts or the progress output.
 */
public final class Mnist {

  private Mnist() {}

  /**
   * Loads MNIST from the cache, fetching and verifying it first if needed.
   *
   * @return 60000 training and 10000 test images, 28 x 28, labels 0..9
   * @throws DatasetUnavailableException when no source delivers the files; the message lists each
   *     source and why it failed, and where to put the files by hand
   * @throws IOException when the cache cannot be read or written
   */
  public static MnistDataset load() throws IOException {
    return DatasetLoader.defaults().load(DatasetSpec.MNIST);
  }

  /**
   * Reads the four MNIST files (plain or {@code .gz}) from a folder of your choice, without
   * checksums and without fetching: any dataset in the MNIST layout (28 x 28, labels 0..9) works.
   * For other IDX names and sizes, CSV files or PNG class folders, use {@link UserData}.
   *
   * @param dir the folder holding train-images-idx3-ubyte, train-labels-idx1-ubyte,
   *     t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte
   * @return the dataset
   * @throws IOException when a file is missing, is not a valid IDX file, or the images are not
   *     28 x 28, the counts of images and labels differ, or a label is outside 0..9
   */
  public static MnistDataset load(Path dir) throws IOException {
    return DatasetLoader.read(dir, DatasetSpec.MNIST, "folder " + dir);
  }

  /**
   * Loads Fashion-MNIST like {@link #load()}: from the cache, filled on first use from Debian's
   * {@code dataset-fashion-mnist} folder or an HTTPS mirror.
   *
   * @return 60000 training and 10000 test images, 28 x 28, labels 0..9 (T-shirt/top .. Ankle boot)
   * @throws DatasetUnavailableException when no source delivers the files
   * @throws IOException when the cache cannot be read or written
   */
  public static MnistDataset fashion() throws IOException {
    return DatasetLoader.defaults().load(DatasetSpec.FASHION_MNIST);
  }

  /**
   * Reads Fashion-MNIST's four files from a folder, like {@link #load(Path)}.
   *
   * @param dir the folder
   * @return the dataset
   * @throws IOException as {@link #load(Path)}
   */
  public static MnistDataset fashion(Path dir) throws IOException {
    return DatasetLoader.read(dir, DatasetSpec.FASHION_MNIST, "folder " + dir);
  }

  /** @return a builder for a loader with another cache folder, other sources, timeouts or progress */
  public static DatasetLoader.Builder loader() {
    return DatasetLoader.builder();
  }
}
