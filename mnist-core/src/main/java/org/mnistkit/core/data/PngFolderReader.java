package org.mnistkit.core.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import org.mnistkit.core.idx.IdxArray;
import org.mnistkit.core.io.FileFormatException;

/**
 * Reads {@code train/} and {@code test/} folders in torchvision's {@code ImageFolder} layout
 * ({@link DataFormat#PNG_FOLDER}): one sub-folder per class, the class names being the training
 * folder's sub-folder names sorted by code point and the labels their indices. Within a class the
 * images are taken in file-name order. Names starting with a dot are skipped; files directly in
 * {@code train/} or {@code test/} are ignored, as torchvision does. Every other file must be a PNG of
 * at most {@link #MAX_PIXELS} pixels and 8 bits per sample; it is decoded with {@code javax.imageio}
 * and converted by a {@link PngConversion}.
 */
final class PngFolderReader {

  /** The most pixels one image may have (2048 x 2048), checked from its header before decoding. */
  static final long MAX_PIXELS = 1L << 22;

  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final Comparator<String> CODE_POINTS =
      (a, b) -> Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());

  private PngFolderReader() {}

  static MnistDataset read(Path dir, PngConversion conversion) throws IOException {
    Path trainDir = requireDir(dir.resolve("train"));
    Path testDir = requireDir(dir.resolve("test"));
    List<String> classes = visible(trainDir, true);
    if (classes.isEmpty()) {
      throw new FileFormatException(trainDir, "has no class folders; expected one sub-folder of PNG images per "
          + "class (torchvision's ImageFolder layout), such as train/0/a.png");
    }
    for (String c : visible(testDir, true)) {
      if (!classes.contains(c)) {
        throw new FileFormatException(testDir.resolve(c), "is not a class of the training data; classes: "
            + String.join(", ", classes));
      }
    }
    RawSplit train = split(trainDir, classes, conversion);
    RawSplit test = split(testDir, classes, conversion);
    return RawSplit.assemble(dir, DataFormat.PNG_FOLDER, train, test, classes);
  }

  private static Path requireDir(Path p) throws NoSuchFileException {
    if (!Files.isDirectory(p)) {
      throw new NoSuchFileException(p.toString(), null, "missing; a png-folder dataset has train/ and test/ folders");
    }
    return p;
  }

  /** The names of the visible entries that are folders (or not), in code-point order. */
  private static List<String> visible(Path dir, boolean folders) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> !p.getFileName().toString().startsWith(".") && Files.isDirectory(p) == folders)
          .map(p -> p.getFileName().toString()).sorted(CODE_POINTS).toList();
    }
  }

  private static RawSplit split(Path splitDir, List<String> classes, PngConversion conversion) throws IOException {
    List<Path> files = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (int k = 0; k < classes.size(); k++) {
      Path classDir = splitDir.resolve(classes.get(k));
      if (!Files.isDirectory(classDir)) {
        continue; // a test split may lack a class
      }
      List<String> nested = visible(classDir, true);
      if (!nested.isEmpty()) {
        throw new FileFormatException(classDir.resolve(nested.get(0)), "is a folder inside a class folder; "
            + "a class folder holds its PNG images directly");
      }
      List<String> names = visible(classDir, false);
      if (names.isEmpty()) {
        throw new FileFormatException(classDir, "is an empty class folder; add PNG images to it or remove it");
      }
      for (String n : names) {
        files.add(classDir.resolve(n));
        labels.add(k);
      }
    }
    if (files.isEmpty()) {
      throw new FileFormatException(splitDir, "has no class folders with images");
    }
    int side = conversion.size();
    int pixels = side * side;
    if ((long) files.size() * pixels > IdxArray.MAX_ELEMENTS) {
      throw new FileFormatException(splitDir, String.format(Locale.ROOT,
          "%d images of %d x %d exceed the %d-element limit of one array", files.size(), side, side,
          IdxArray.MAX_ELEMENTS));
    }
    byte[] px = new byte[files.size() * pixels];
    for (int i = 0; i < files.size(); i++) {
      byte[] grey = convert(files.get(i), conversion);
      System.arraycopy(grey, 0, px, i * pixels, pixels);
    }
    return new RawSplit(splitDir, IdxArray.ofUnsignedBytes(px, files.size(), side, side),
        labels.stream().mapToInt(Integer::intValue).toArray());
  }

  private static byte[] convert(Path file, PngConversion conversion) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      if (!Arrays.equals(in.readNBytes(SIGNATURE.length), SIGNATURE)) {
        throw new FileFormatException(file, "is not a PNG image (no PNG signature); a png-folder dataset holds "
            + "only PNG files in its class folders (names starting with a dot are skipped)");
      }
    }
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("png");
    ImageReader reader = readers.next();
    try (FileImageInputStream in = new FileImageInputStream(file.toFile())) {
      reader.setInput(in, true, true);
      long w = reader.getWidth(0);
      long h = reader.getHeight(0);
      if (w * h > MAX_PIXELS) {
        throw new FileFormatException(file, String.format(Locale.ROOT,
            "is %d x %d pixels; at most %d pixels (2048 x 2048) are read per image", w, h, MAX_PIXELS));
      }
      BufferedImage image = reader.read(0);
      return conversion.toGrey(image);
    } catch (IIOException e) {
      throw new FileFormatException(file, "cannot be decoded as PNG: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new FileFormatException(file, e.getMessage(), e);
    } finally {
      reader.dispose();
    }
  }
}
