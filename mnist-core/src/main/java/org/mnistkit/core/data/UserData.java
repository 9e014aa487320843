package org.mnistkit.core.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Reads a folder of your own data, in any of the {@link DataFormat}s, into the same {@link
 * MnistDataset} that {@link Mnist#load()} returns, so that every step works on it:
 *
 * <pre>{@code
 * MnistDataset d = UserData.load(Path.of("kaggle-digits"));          // format detected
 * MnistDataset e = UserData.reader().transpose(true).build()          // EMNIST, upright
 *     .read(Path.of("emnist-balanced"));
 * MnistDataset p = UserData.reader().format(DataFormat.PNG_FOLDER)
 *     .pngConversion(new PngConversion(28, PngConversion.Inversion.ALWAYS)).build().read(dir);
 * }</pre>
 *
 * <ul>
 *   <li>{@link DataFormat#IDX}: any image/label pair per split, images of any size.</li>
 *   <li>{@link DataFormat#CSV}: {@code train.csv} and {@code test.csv}; Kaggle's {@code test.csv},
 *       without a label column, gives a test split without labels ({@link
 *       LabeledImages#hasLabels()}), for prediction only.</li>
 *   <li>{@link DataFormat#PNG_FOLDER}: {@code train/<class>/*.png} and {@code test/<class>/*.png},
 *       converted by a {@link PngConversion}.</li>
 * </ul>
 * Unless class names are given, IDX and CSV data have the classes 0..k-1 named "0".."k-1", where k is
 * one more than the largest label of either split; PNG folders have their sub-folder names. The
 * dataset's {@link MnistDataset#name()} is the folder's name and its {@link MnistDataset#source()}
 * names the folder and the format, such as {@code folder /data/kaggle (csv)}. No checksums are
 * checked, so the splits carry no {@link DataOrigin}. Errors are {@link IOException}s naming the
 * file, and for CSV the line and column, of the first bad value.
 *
 * <p>Instances are immutable and can be shared between threads.
 */
public final class UserData {

  private final DataFormat format;
  private final CsvLabelColumn csvLabelColumn;
  private final PngConversion pngConversion;
  private final boolean transpose;
  private final List<String> classNames;

  private UserData(Builder b) {
    this.format = b.format;
    this.csvLabelColumn = b.csvLabelColumn;
    this.pngConversion = b.pngConversion;
    this.transpose = b.transpose;
    this.classNames = b.classNames;
  }

  /**
   * Reads a folder with every default: the format detected ({@link DataFormat#detect}), CSV labels
   * found by {@link CsvLabelColumn#AUTO}, PNGs converted by {@link PngConversion#DEFAULT}.
   *
   * @param dir the folder
   * @return both splits
   * @throws IOException as {@link #read(Path)}
   */
  public static MnistDataset load(Path dir) throws IOException {
    return reader().build().read(dir);
  }

  /** @return a builder with every default */
  public static Builder reader() {
    return new Builder();
  }

  /**
   * Reads a folder.
   *
   * @param dir the folder
   * @return both splits, transposed when asked, named as the class comment says
   * @throws java.nio.file.NoSuchFileException when the folder or a file the format needs is missing
   * @throws org.mnistkit.core.io.FileFormatException or {@link org.mnistkit.core.idx.IdxFormatException}
   *     naming the file (and line and column) of a bad value, when the format cannot be detected, or
   *     when the training split has no labels
   * @throws IllegalArgumentException when a label is not below the number of given class names
   * @throws IOException when a file cannot be read
   */
  public MnistDataset read(Path dir) throws IOException {
    DataFormat f = format != null ? format : DataFormat.detect(dir);
    MnistDataset d = switch (f) {
      case IDX -> IdxFolderReader.read(dir);
      case CSV -> CsvImagesReader.read(dir, csvLabelColumn);
      case PNG_FOLDER -> PngFolderReader.read(dir, pngConversion);
    };
    if (classNames != null) {
      d = d.withClassNames(classNames);
    }
    return transpose ? d.transposeImages() : d;
  }

  /** Settings of a {@link UserData} reader; every setter validates its argument. */
  public static final class Builder {
    private DataFormat format;
    private CsvLabelColumn csvLabelColumn = CsvLabelColumn.AUTO;
    private PngConversion pngConversion = PngConversion.DEFAULT;
    private boolean transpose;
    private List<String> classNames;

    private Builder() {}

    /**
     * @param format the folder's format, or null to detect it (the default)
     * @return this builder
     */
    public Builder format(DataFormat format) {
      this.format = format;
      return this;
    }

    /**
     * @param column where the label is in CSV rows (default {@link CsvLabelColumn#AUTO})
     * @return this builder
     */
    public Builder csvLabelColumn(CsvLabelColumn column) {
      this.csvLabelColumn = Objects.requireNonNull(column, "column");
      return this;
    }

    /**
     * @param conversion how PNG images become grey levels (default {@link PngConversion#DEFAULT})
     * @return this builder
     */
    public Builder pngConversion(PngConversion conversion) {
      this.pngConversion = Objects.requireNonNull(conversion, "conversion");
      return this;
    }

    /**
     * @param transpose true to transpose every image, as EMNIST needs ({@link
     *     LabeledImages#transposeImages()}); default false
     * @return this builder
     */
    public Builder transpose(boolean transpose) {
      this.transpose = transpose;
      return this;
    }

    /**
     * @param names one name per label 0..k-1, replacing the inferred names, or null for those
     * @return this builder
     * @throws IllegalArgumentException when names is empty
     */
    public Builder classNames(List<String> names) {
      if (names != null && names.isEmpty()) {
        throw new IllegalArgumentException("need at least one class name");
      }
      this.classNames = names == null ? null : List.copyOf(names);
      return this;
    }

    /** @return the reader */
    public UserData build() {
      return new UserData(this);
    }
  }
}
