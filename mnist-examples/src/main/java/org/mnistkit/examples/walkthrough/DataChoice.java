package org.mnistkit.examples.walkthrough;

import java.io.IOException;
import java.nio.file.Path;
import org.mnistkit.core.data.DatasetLoader;
import org.mnistkit.core.data.DatasetSpec;
import org.mnistkit.core.data.MnistDataset;
import org.mnistkit.core.data.UserData;

/**
 * Which data a command or the walkthrough reads: a built-in dataset from the verified cache, or a
 * folder of the user's own data (IDX, CSV or PNG class folders, see {@link UserData}).
 *
 * @param dataset the built-in dataset, or null when none was named (MNIST when there is no folder)
 * @param dataDir the folder of the user's own data, or null for the verified cache
 * @param reader how to read that folder (format, CSV label column, PNG conversion, transpose), or
 *     null for {@link UserData}'s defaults (format detected)
 */
public record DataChoice(DatasetSpec dataset, Path dataDir, UserData reader) {

  /**
   * Loads the data. Without a folder, the named dataset (default MNIST) comes from the verified
   * cache, fetched on first use. With a folder, {@link UserData} reads it; when a dataset is also
   * named, the result takes that dataset's name and class names.
   *
   * @param quiet no progress bars or messages while fetching
   * @return both splits
   * @throws IOException when the data cannot be fetched or read; the message names the file
   * @throws IllegalArgumentException when a label is not below the named dataset's class count
   */
  public MnistDataset load(boolean quiet) throws IOException {
    if (dataDir == null) {
      return DatasetLoader.builder().quiet(quiet).build().load(dataset != null ? dataset : DatasetSpec.MNIST);
    }
    MnistDataset d = (reader != null ? reader : UserData.reader().build()).read(dataDir);
    if (dataset == null) {
      return d;
    }
    MnistDataset named = d.withClassNames(dataset.classNames());
    return new MnistDataset(dataset.name(), named.train(), named.test(), named.classNames(), named.dir(),
        named.source());
  }

  /**
   * Fails when the test split has no labels, before any work that needs them starts.
   *
   * @param data the loaded data
   * @param what the command or step that scores a model on the test split, for the message
   * @throws IllegalArgumentException naming the source and the way out when the test split has no labels
   */
  public static void requireTestLabels(MnistDataset data, String what) {
    if (!data.test().hasLabels()) {
      throw new IllegalArgumentException(what + " scores its model on the test split, but the test images of "
          + data.source() + " have no labels (a test file without a label column, such as Kaggle's test.csv); "
          + "give a labelled test split, or predict those images through the library");
    }
  }
}
