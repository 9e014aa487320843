package org.mnistkit.core.data;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mnistkit.core.testing.IdxFixtures;

/** A generated dataset in the MNIST layout (4 x 4 images, 3 classes) with its real checksums. */
final class TinyDataset {

  /** file name to plain IDX bytes */
  final Map<String, byte[]> files = new LinkedHashMap<>();
  final DatasetSpec spec;

  TinyDataset(String name, List<URI> mirrors, Optional<NpmPackage> npm, List<Path> localDirs) {
    try {
      files.put("train-images-idx3-ubyte", IdxFixtures.bytes(IdxFixtures.images(6, 4, 4)));
      files.put("train-labels-idx1-ubyte", IdxFixtures.bytes(IdxFixtures.labels(6, 3)));
      files.put("t10k-images-idx3-ubyte", IdxFixtures.bytes(IdxFixtures.images(3, 4, 4)));
      files.put("t10k-labels-idx1-ubyte", IdxFixtures.bytes(IdxFixtures.labels(3, 3)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    List<DatasetFile> f = files.entrySet().stream()
        .map(e -> new DatasetFile(e.getKey(), e.getValue().length, sha256(e.getValue()))).toList();
    spec = new DatasetSpec(name, f.get(0), f.get(1), f.get(2), f.get(3), 4, 4, List.of("a", "b", "c"),
        mirrors, npm, localDirs);
  }

  static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
