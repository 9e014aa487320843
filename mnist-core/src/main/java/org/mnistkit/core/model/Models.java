package org.mnistkit.core.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import org.mnistkit.core.io.FileFormatException;

/**
 * Loads any saved mnistkit model by its magic number, through the {@link ModelLoader}s on the
 * class path (the forest's, the network's, PCA's and UMAP's when their modules are there). For a
 * known kind, the kind's own {@code load} (such as {@code RandomForestModel.load}) says more in
 * its type.
 */
public final class Models {

  private Models() {}

  /**
   * The loaders visible to mnist-core's class loader and to the calling thread's context class
   * loader (where frameworks such as Spark or an application server put the application's jars),
   * each kind once.
   */
  private static List<ModelLoader> loaders() {
    List<ModelLoader> out = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (ClassLoader cl : new ClassLoader[] {Models.class.getClassLoader(),
        Thread.currentThread().getContextClassLoader()}) {
      if (cl == null) {
        continue;
      }
      for (ModelLoader loader : ServiceLoader.load(ModelLoader.class, cl)) {
        if (seen.add(loader.format().magic())) {
          out.add(loader);
        }
      }
    }
    return out;
  }

  /**
   * @param file a model file saved by any mnistkit model
   * @return the model; test it with {@code instanceof Classifier} or {@code Embedding}
   * @throws java.nio.file.NoSuchFileException when the file does not exist
   * @throws FileFormatException when no loader on the class path reads its magic number (naming
   *     the kinds that are there), or the file is invalid
   * @throws IOException when reading fails
   */
  public static FittedModel load(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(16);
    }
    if (head.length < 4) {
      throw new FileFormatException(file, "not a mnistkit model file: " + head.length
          + " bytes is too short");
    }
    int magic = ByteBuffer.wrap(head).getInt();
    List<String> known = new ArrayList<>();
    for (ModelLoader loader : loaders()) {
      if (loader.reads(head)) {
        return loader.load(file);
      }
      known.add(loader.format().describe());
    }
    throw new FileFormatException(file, String.format(Locale.ROOT,
        "magic 0x%08X is not a model kind on the class path (known: %s)", magic,
        known.isEmpty() ? "none; add mnist-forest, mnist-nn or mnist-eda" : String.join(", ", known)));
  }
}
