package org.mnistkit.core.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.mnistkit.core.idx.IdxArray;
import org.mnistkit.core.idx.IdxType;
import org.mnistkit.core.tensor.Categorical;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.core.tensor.Sampling;

/**
 * The images and labels of one split (train or test), like {@code mnist$train$x} and
 * {@code mnist$train$y} from keras' {@code dataset_mnist()}: images are an n x height x width
 * array of unsigned bytes (0 = background, 255 = ink for MNIST) and labels are ints in
 * 0..numClasses-1.
 *
 * <p>Immutable: the image array is never exposed for writing and {@link #labels()} returns a copy.
 */
public final class LabeledImages {

  private final IdxArray images;
  private final int[] labels;
  private final int numClasses;
  private final DataOrigin origin; // null when unknown

  /**
   * @param images a UBYTE array of shape [n, height, width]
   * @param labels n labels, each in 0..numClasses-1 (copied)
   * @param numClasses the number of classes, at least 1
   * @throws IllegalArgumentException when the image array is not rank-3 UBYTE, the counts differ or
   *     a label is out of range (naming the index and value)
   */
  public LabeledImages(IdxArray images, int[] labels, int numClasses) {
    Objects.requireNonNull(images, "images");
    if (images.type() != IdxType.UBYTE || images.rank() != 3) {
      throw new IllegalArgumentException("images must be a rank-3 ubyte array [n, height, width], got "
          + images);
    }
    if (numClasses < 1) {
      throw new IllegalArgumentException("numClasses must be >= 1, got " + numClasses);
    }
    if (labels.length != images.dim(0)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%d images but %d labels; the counts must match", images.dim(0), labels.length));
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= numClasses) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "label at index %d is %d; expected 0..%d", i, labels[i], numClasses - 1));
      }
    }
    this.images = images;
    this.labels = labels.clone();
    this.numClasses = numClasses;
    this.origin = null;
  }

  private LabeledImages(LabeledImages split, DataOrigin origin) {
    this.images = split.images;
    this.labels = split.labels;
    this.numClasses = split.numClasses;
    this.origin = origin;
  }

  /**
   * @return the dataset split these images were read from with verified checksums, as {@link
   *     Mnist#load()} sets it; empty for images built or read any other way
   */
  public Optional<DataOrigin> origin() {
    return Optional.ofNullable(origin);
  }

  /**
   * @param newOrigin the dataset split these images came from, or null for unknown
   * @return the same images and labels (not copied) labelled with that origin
   */
  public LabeledImages withOrigin(DataOrigin newOrigin) {
    return new LabeledImages(this, newOrigin);
  }

  /** @return {@code [n, height, width]}, for example {@code [60000, 28, 28]} */
  public int[] shape() {
    return images.shape();
  }

  /** @return the number of images n */
  public int size() {
    return labels.length;
  }

  /** @return image height in pixels (28 for MNIST) */
  public int height() {
    return images.dim(1);
  }

  /** @return image width in pixels (28 for MNIST) */
  public int width() {
    return images.dim(2);
  }

  /** @return the number of classes (10 for MNIST) */
  public int numClasses() {
    return numClasses;
  }

  /** @return the images as an immutable [n, height, width] UBYTE array */
  public IdxArray images() {
    return images;
  }

  /** @return a copy of the n labels */
  public int[] labels() {
    return labels.clone();
  }

  /**
   * @param i image index, 0..n-1
   * @return its label
   */
  public int label(int i) {
    return labels[i];
  }

  /**
   * @param i image index, 0..n-1
   * @return a copy of image i as a [height, width] UBYTE array (for plotting)
   * @throws IndexOutOfBoundsException when i is out of range
   */
  public IdxArray image(int i) {
    return images.slice(i);
  }

  /** @return how many images carry each label, a length-numClasses array */
  public int[] labelCounts() {
    int[] counts = new int[numClasses];
    for (int l : labels) {
      counts[l]++;
    }
    return counts;
  }

  /**
   * Reshapes to one row per image, row-major like R's {@code array_reshape(x, c(n, 784))}: pixel
   * (r, c) goes to column {@code r * width + c}. Values stay in 0..255.
   *
   * @return a new n x (height * width) matrix
   */
  public FloatMatrix toMatrix() {
    return images.reshape(size(), height() * width()).toFloatMatrix().withOrigin(origin);
  }

  /**
   * Reshapes like {@link #toMatrix()} and scales to [0, 1] by dividing by 255, in one pass: the
   * walkthrough's {@code x <- array_reshape(x, c(n, 784)) / 255}.
   *
   * @return a new n x (height * width) matrix with values in [0, 1]
   */
  public FloatMatrix toScaledMatrix() {
    return toMatrix().divideInPlace(255f);
  }

  /** @return the labels one-hot encoded, a new n x numClasses matrix ({@code to_categorical}) */
  public FloatMatrix toCategorical() {
    return Categorical.toCategorical(labels, numClasses);
  }

  /**
   * The images at the given indices, in that order (repeats allowed).
   *
   * @param indices each in 0..n-1, at least one
   * @return a new split of {@code indices.length} images
   * @throws IllegalArgumentException when indices is empty
   * @throws IndexOutOfBoundsException naming the first index out of range
   */
  public LabeledImages subset(int[] indices) {
    int[] outLabels = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      Objects.checkIndex(indices[i], size());
      outLabels[i] = labels[indices[i]];
    }
    return new LabeledImages(images.select(indices), outLabels, numClasses).withOrigin(origin);
  }

  /**
   * A seeded random sample of k images without replacement, like {@code dplyr::sample_n}.
   *
   * @param k 1..n
   * @param seed equal seeds give equal samples
   * @return a new split of k images
   * @throws IllegalArgumentException when k is outside 1..n
   */
  public LabeledImages sample(int k, long seed) {
    return subset(Sampling.sampleWithoutReplacement(size(), k, seed));
  }

  /**
   * @param k 1..n
   * @return the first k images
   * @throws IndexOutOfBoundsException when k &gt; n
   * @throws IllegalArgumentException when k is 0
   */
  public LabeledImages head(int k) {
    Objects.checkFromToIndex(0, k, size());
    int[] idx = new int[k];
    Arrays.setAll(idx, i -> i);
    return subset(idx);
  }

  /** @return a summary such as {@code LabeledImages[60000 x 28 x 28, 10 classes]} */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "LabeledImages[%d x %d x %d, %d classes]", size(), height(), width(),
        numClasses);
  }
}
