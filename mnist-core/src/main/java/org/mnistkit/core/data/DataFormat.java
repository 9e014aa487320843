package org.mnistkit.core.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.mnistkit.core.io.FileFormatException;

/**
 * The forms a folder of the user's own data can take, and the one place that tells them apart.
 * {@link UserData} reads each of them into the same {@link MnistDataset}.
 */
public enum DataFormat {
  /**
   * IDX files, plain or {@code .gz}: one image file ({@code *idx3-ubyte}, [n, height, width] ubyte)
   * and one label file ({@code *idx1-ubyte}, [n] ubyte) per split; the training files' names
   * contain {@code train}, the test files' {@code test} or {@code t10k}. MNIST, Fashion-MNIST,
   * Kuzushiji-MNIST and one EMNIST split at a time have this form.
   */
  IDX("idx"),
  /**
   * {@code train.csv} and {@code test.csv} (plain or gzip), one image per row: Kaggle's Digit
   * Recognizer and its headerless variants; see {@link CsvLabelColumn} for where the label is.
   */
  CSV("csv"),
  /**
   * {@code train/} and {@code test/}, each holding one sub-folder of PNG images per class
   * (torchvision's {@code ImageFolder} layout); see {@link PngConversion} for how each image
   * becomes 28 x 28 grey levels.
   */
  PNG_FOLDER("png-folder");

  private final String cliName;

  DataFormat(String cliName) {
    this.cliName = cliName;
  }

  /** @return the name used on the command line: {@code idx}, {@code csv} or {@code png-folder} */
  public String cliName() {
    return cliName;
  }

  /**
   * @param name {@code idx}, {@code csv} or {@code png-folder}, any case
   * @return the format
   * @throws IllegalArgumentException for any other name, listing the valid ones
   */
  public static DataFormat parse(String name) {
    return OptionNames.parse(values(), DataFormat::cliName, name, "data format");
  }

  /**
   * Tells the form of a folder from its content. The rule: the folder is
   * <ul>
   *   <li>{@link #CSV} when it holds {@code train.csv} or {@code train.csv.gz};</li>
   *   <li>{@link #PNG_FOLDER} when it holds a {@code train} sub-folder;</li>
   *   <li>{@link #IDX} when it holds a file whose name, without {@code .gz}, ends with
   *       {@code idx3-ubyte}.</li>
   * </ul>
   * Exactly one of these must hold; when several do, the format has to be given explicitly.
   *
   * @param dir the folder
   * @return its format
   * @throws NoSuchFileException when dir does not exist
   * @throws NotDirectoryException when dir is not a folder
   * @throws FileFormatException when no rule or more than one rule matches, saying what was looked for
   * @throws IOException when the folder cannot be listed
   */
  public static DataFormat detect(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      throw new NoSuchFileException(dir.toString(), null, "no such data folder");
    }
    if (!Files.isDirectory(dir)) {
      throw new NotDirectoryException(dir.toString());
    }
    List<DataFormat> found = new ArrayList<>();
    if (Files.isRegularFile(dir.resolve("train.csv")) || Files.isRegularFile(dir.resolve("train.csv.gz"))) {
      found.add(CSV);
    }
    if (Files.isDirectory(dir.resolve("train"))) {
      found.add(PNG_FOLDER);
    }
    try (Stream<Path> files = Files.list(dir)) {
      if (files.anyMatch(p -> isIdxImages(p.getFileName().toString()) && Files.isRegularFile(p))) {
        found.add(IDX);
      }
    }
    if (found.size() == 1) {
      return found.get(0);
    }
    if (found.isEmpty()) {
      throw new FileFormatException(dir, "holds no dataset: looked for IDX files (names ending in idx3-ubyte and "
          + "idx1-ubyte, plain or .gz, such as train-images-idx3-ubyte), for train.csv and test.csv, and for "
          + "train/ and test/ folders with one sub-folder of PNG images per class");
    }
    throw new FileFormatException(dir, "holds data in several formats ("
        + String.join(", ", found.stream().map(DataFormat::cliName).toList())
        + "); choose one with --format or UserData.reader().format(...)");
  }

  /** @return whether a file name, without {@code .gz}, ends with {@code idx3-ubyte} (any case) */
  static boolean isIdxImages(String fileName) {
    return plainName(fileName).endsWith("idx3-ubyte");
  }

  /** @return the name in lower case without a trailing {@code .gz} */
  static String plainName(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    return n.endsWith(".gz") ? n.substring(0, n.length() - 3) : n;
  }
}
