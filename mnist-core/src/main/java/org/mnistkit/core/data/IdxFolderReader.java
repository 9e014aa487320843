package org.mnistkit.core.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.mnistkit.core.idx.IdxArray;
import org.mnistkit.core.idx.IdxFormatException;
import org.mnistkit.core.idx.IdxReader;
import org.mnistkit.core.idx.IdxType;
import org.mnistkit.core.io.FileFormatException;

/**
 * Reads a folder holding one IDX image/label pair per split ({@link DataFormat#IDX}): images of any
 * size, [n, height, width] ubyte; labels [n] ubyte.
 */
final class IdxFolderReader {

  private IdxFolderReader() {}

  static MnistDataset read(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    RawSplit train = split(dir, files, "train", "train");
    RawSplit test = split(dir, files, "test", "test", "t10k");
    return RawSplit.assemble(dir, DataFormat.IDX, train, test, null);
  }

  private static RawSplit split(Path dir, List<Path> files, String split, String... marks) throws IOException {
    Path images = pick(dir, files, split, "images", "idx3-ubyte", marks);
    Path labels = pick(dir, files, split, "labels", "idx1-ubyte", marks);
    IdxArray x = IdxReader.read(images);
    IdxArray y = IdxReader.read(labels);
    if (x.type() != IdxType.UBYTE || x.rank() != 3) {
      throw new IdxFormatException(images.toString(), "expected ubyte images of shape [n, height, width] but found " + x);
    }
    if (y.type() != IdxType.UBYTE || y.rank() != 1) {
      throw new IdxFormatException(labels.toString(), "expected ubyte labels of shape [n] but found " + y);
    }
    if (y.dim(0) != x.dim(0)) {
      throw new IdxFormatException(labels.toString(), String.format(Locale.ROOT,
          "%d labels but %s has %d images; the counts must match", y.dim(0), images.getFileName(), x.dim(0)));
    }
    return new RawSplit(images, x, y.toIntArray());
  }

  /** The one file of the split whose plain name ends with the suffix; a plain file wins over its .gz. */
  private static Path pick(Path dir, List<Path> files, String split, String what, String suffix, String... marks)
      throws FileFormatException {
    List<Path> found = new ArrayList<>();
    for (Path p : files) {
      String name = p.getFileName().toString();
      String plain = DataFormat.plainName(name);
      boolean inSplit = false;
      for (String m : marks) {
        inSplit |= plain.contains(m);
      }
      boolean shadowed = !name.equals(plain) && files.contains(p.resolveSibling(name.substring(0, name.length() - 3)));
      if (inSplit && plain.endsWith(suffix) && !shadowed) {
        found.add(p);
      }
    }
    if (found.size() == 1) {
      return found.get(0);
    }
    String wanted = String.format(Locale.ROOT, "one %s %s file (a name containing %s and ending in %s, plain or .gz)",
        split, what, String.join(" or ", marks), suffix);
    if (found.isEmpty()) {
      throw new FileFormatException(dir, "expected " + wanted + " but found none");
    }
    throw new FileFormatException(dir, "expected " + wanted + " but found " + found.size() + ": "
        + String.join(", ", found.stream().map(p -> p.getFileName().toString()).toList())
        + "; put each dataset in a folder of its own");
  }
}
