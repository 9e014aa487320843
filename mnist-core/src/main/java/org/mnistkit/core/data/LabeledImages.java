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
 * <p>A split may also come without labels ({@link #unlabeled}), such as the test file of Kaggle's
 * Digit Recognizer: it can be reshaped, scaled, transformed and predicted, but every method that
 * returns labels throws {@link IllegalStateException} saying so.
 *
 * <p>Immutable: the image array is never exposed for writing and {@link #labels()} returns a copy.
 */
public final class LabeledImages {

  private final IdxArray images;
  private final int[] labels;
  private final int numClasses;
  private final DataOrigin origin; // null when unknown
  private final boolean hasLabels;

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
    this.hasLabels = true;
  }

  private LabeledImages(LabeledImages split, DataOrigin origin) {
    this.images = split.images;
    this.labels = split.labels;
    this.numClasses = split.numClasses;
    this.origin = origin;
    this.hasLabels = split.hasLabels;
  }

  private LabeledImages(IdxArray images, int numClasses) {
    this(images, new int[images.dim(0)], numClasses);
  }

  private LabeledImages(LabeledImages labelled, boolean hasLabels) {
    this.images = labelled.images;
    this.labels = labelled.labels;
    this.numClasses = labelled.numClasses;
    this.origin = labelled.origin;
    this.hasLabels = hasLabels;
  }

  /**
   * A split without labels, for prediction only (Kaggle's {@code test.csv}, images to classify).
   * {@link #labels()}, {@link #label(int)}, {@link #labelCounts()} and {@link #toCategorical()}
   * throw {@link IllegalStateException}; everything else works as for a labelled split.
   *
   * @param images a UBYTE array of shape [n, height, width]
   * @param numClasses the number of classes of the labelled data it goes with, at least 1
   * @return the split
   * @throws IllegalArgumentException when the image array is not rank-3 UBYTE or numClasses &lt; 1
   */
  public static LabeledImages unlabeled(IdxArray images, int numClasses) {
    return new LabeledImages(new LabeledImages(images, numClasses), false);
  }

  /** @return false for a split made with {@link #unlabeled}, which has images only */
  public boolean hasLabels() {
    return hasLabels;
  }

  private void requireLabels() {
    if (!hasLabels) {
      throw new IllegalStateException("these " + size() + " images have no labels (read from a file without a "
          + "label column, such as Kaggle's test.csv); they can be predicted but not scored or trained on");
    }
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

  /**
   * @return a copy of the n labels
   * @throws IllegalStateException when the split has no labels ({@link #hasLabels()})
   */
  public int[] labels() {
    requireLabels();
    return labels.clone();
  }

  /**
   * @param i image index, 0..n-1
   * @return its label
   * @throws IllegalStateException when the split has no labels ({@link #hasLabels()})
   */
  public int label(int i) {
    requireLabels();
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

  /**
   * @return how many images carry each label, a length-numClasses array
   * @throws IllegalStateException when the split has no labels ({@link #hasLabels()})
   */
  public int[] labelCounts() {
    requireLabels();
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

  /**
   * @return the labels one-hot encoded, a new n x numClasses matrix ({@code to_categorical})
   * @throws IllegalStateException when the split has no labels ({@link #hasLabels()})
   */
  public FloatMatrix toCategorical() {
    requireLabels();
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
    return new LabeledImages(new LabeledImages(images.select(indices), outLabels, numClasses).withOrigin(origin),
        hasLabels);
  }

  /**
   * Transposes every image: pixel (r, c) becomes pixel (c, r), so [n, h, w] becomes [n, w, h]. The
   * EMNIST files (Cohen, Afshar, Tapson and van Schaik 2017, "EMNIST: an extension of MNIST to
   * handwritten letters") store each image transposed relative to MNIST; one call turns them
   * upright. Applying it twice gives the original images.
   *
   * @return a new split with the transposed images and the same labels and origin
   */
  public LabeledImages transposeImages() {
    int n = size();
    int h = height();
    int w = width();
    byte[] in = images.toByteArray();
    byte[] out = new byte[in.length];
    for (int i = 0; i < n; i++) {
      int base = i * h * w;
      for (int r = 0; r < h; r++) {
        for (int c = 0; c < w; c++) {
          out[base + c * h + r] = in[base + r * w + c];
        }
      }
    }
    LabeledImages t = new LabeledImages(IdxArray.ofUnsignedBytes(out, n, w, h), labels, numClasses).withOrigin(origin);
    return new LabeledImages(t, hasLabels);
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

  /**
   * @param k the new number of classes, at least 1; every label must be below it
   * @return the same images and labels (not copied) with k classes
   * @throws IllegalArgumentException when a label is k or more, naming it
   */
  LabeledImages withNumClasses(int k) {
    LabeledImages same = new LabeledImages(images, labels, k).withOrigin(origin);
    return new LabeledImages(same, hasLabels);
  }

  /** @return a summary such as {@code LabeledImages[60000 x 28 x 28, 10 classes]} */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "LabeledImages[%d x %d x %d, %d classes%s]", size(), height(), width(),
        numClasses, hasLabels ? "" : ", no labels");
  }
}
