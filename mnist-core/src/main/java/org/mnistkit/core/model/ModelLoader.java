package org.mnistkit.core.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import org.mnistkit.core.io.ModelFormat;

/**
 * Service that reads one kind of model file, found by {@link Models#load} through {@link
 * java.util.ServiceLoader}. Each model family registers one subclass in {@code
 * META-INF/services/org.mnistkit.core.model.ModelLoader}, with a public no-argument constructor
 * that names its format and its load method, for example
 * {@code public ForestLoader() { super(ForestFile.FORMAT, RandomForestModel::load); }};
 * adding a family needs no change here.
 */
public abstract class ModelLoader {

  /** A kind's load method, such as {@code RandomForestModel::load}. */
  @FunctionalInterface
  public interface Reader {
    /**
     * @param file a file of the loader's kind
     * @return the model
     * @throws IOException when the file cannot be read or is not valid
     */
    FittedModel read(Path file) throws IOException;
  }

  private final ModelFormat format;
  private final Reader reader;
  private final byte[] version1Magic;

  /**
   * @param format the kind of file this loader reads
   * @param reader the kind's load method
   */
  protected ModelLoader(ModelFormat format, Reader reader) {
    this(format, reader, null);
  }

  /**
   * For a kind whose version-1 files started with another magic than its {@link ModelFormat}'s
   * (the network's {@code "MNISTKIT-NN\n"}).
   *
   * @param format the kind of file this loader reads
   * @param reader the kind's load method, which reads both
   * @param version1Magic the first bytes of the kind's version-1 files (ASCII), or null
   */
  protected ModelLoader(ModelFormat format, Reader reader, String version1Magic) {
    this.format = Objects.requireNonNull(format, "format");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.version1Magic = version1Magic == null ? null
        : version1Magic.getBytes(StandardCharsets.US_ASCII);
  }

  /** @return the kind of file this loader reads: its magic number and name */
  public final ModelFormat format() {
    return format;
  }

  /**
   * @param head the first bytes of a file (at least 4, up to 16)
   * @return whether the file starts like one of this kind
   */
  public final boolean reads(byte[] head) {
    if (version1Magic != null && head.length >= version1Magic.length
        && Arrays.equals(head, 0, version1Magic.length, version1Magic, 0, version1Magic.length)) {
      return true;
    }
    int magic = format.magicNumber();
    return head.length >= 4 && (head[0] & 0xFF) == magic >>> 24 && (head[1] & 0xFF) == (magic >>> 16 & 0xFF)
        && (head[2] & 0xFF) == (magic >>> 8 & 0xFF) && (head[3] & 0xFF) == (magic & 0xFF);
  }

  /**
   * @param file a file of {@link #format()}
   * @return the model
   * @throws IOException when the file cannot be read or is not valid
   */
  public final FittedModel load(Path file) throws IOException {
    return reader.read(file);
  }
}
