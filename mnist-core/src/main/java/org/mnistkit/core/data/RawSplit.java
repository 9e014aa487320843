package org.mnistkit.core.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mnistkit.core.idx.IdxArray;
import org.mnistkit.core.io.FileFormatException;

/**
 * One split as a format reader delivers it, before the two splits are checked against each other
 * and become a {@link MnistDataset}.
 *
 * @param file the file or folder it was read from, for messages
 * @param images [n, height, width] ubyte
 * @param labels n labels in 0..255, or null when the source has none
 */
record RawSplit(Path file, IdxArray images, int[] labels) {

  /**
   * Checks the splits against each other and builds the dataset. Without class names, the classes
   * are 0..k-1 named "0".."k-1", where k is one more than the largest label of either split.
   *
   * @param dir the data folder
   * @param format its format, recorded in the source
   * @param train the training split; must have labels
   * @param test the test split; may have none
   * @param classNames the class names, or null to infer them as above
   * @throws FileFormatException when the training split has no labels or the image sizes differ
   */
  static MnistDataset assemble(Path dir, DataFormat format, RawSplit train, RawSplit test, List<String> classNames)
      throws FileFormatException {
    if (train.labels == null) {
      throw new FileFormatException(train.file, "has no labels; the training split needs a label for every image");
    }
    if (train.images.dim(1) != test.images.dim(1) || train.images.dim(2) != test.images.dim(2)) {
      throw new FileFormatException(test.file, String.format(Locale.ROOT,
          "images are %d x %d but the training images (%s) are %d x %d; both splits need one size",
          test.images.dim(1), test.images.dim(2), train.file.getFileName(), train.images.dim(1), train.images.dim(2)));
    }
    List<String> names = classNames;
    if (names == null) {
      int k = Math.max(max(train.labels), test.labels == null ? 0 : max(test.labels)) + 1;
      names = new ArrayList<>();
      for (int c = 0; c < k; c++) {
        names.add(Integer.toString(c));
      }
    }
    int k = names.size();
    LabeledImages tr = new LabeledImages(train.images, train.labels, k);
    LabeledImages te = test.labels == null ? LabeledImages.unlabeled(test.images, k)
        : new LabeledImages(test.images, test.labels, k);
    Path abs = dir.toAbsolutePath().normalize();
    String name = abs.getFileName() == null ? "data" : abs.getFileName().toString();
    return new MnistDataset(name, tr, te, names, dir, "folder " + dir + " (" + format.cliName() + ")");
  }

  private static int max(int[] labels) {
    int m = 0;
    for (int l : labels) {
      m = Math.max(m, l);
    }
    return m;
  }
}
