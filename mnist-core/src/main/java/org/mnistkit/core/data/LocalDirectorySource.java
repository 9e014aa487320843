package org.mnistkit.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A folder that may hold the files, plain or {@code .gz}, such as a Debian package's. */
final class LocalDirectorySource implements DatasetSource {

  private final Path dir;

  LocalDirectorySource(Path dir) {
    this.dir = dir;
  }

  @Override
  public String describe() {
    return "folder " + dir;
  }

  @Override
  public void fetch(List<DatasetFile> wanted, FileSink sink) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException("no such folder");
    }
    List<String> absent = new ArrayList<>();
    for (DatasetFile f : wanted) {
      Path p = DatasetCache.locate(dir, f.name());
      if (p == null) {
        absent.add(f.name());
        continue;
      }
      try (InputStream in = Files.newInputStream(p)) {
        sink.accept(f, in);
      }
    }
    if (!absent.isEmpty()) {
      throw new IOException("missing " + String.join(", ", absent) + " (plain or .gz)");
    }
  }
}
