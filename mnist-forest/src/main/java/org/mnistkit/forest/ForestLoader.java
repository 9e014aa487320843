package org.mnistkit.forest;

import java.io.IOException;
import java.nio.file.Path;
import org.mnistkit.core.io.ModelFormat;
import org.mnistkit.core.model.ModelLoader;

/**
 * The forest's {@link ModelLoader} service, registered in {@code
 * META-INF/services/org.mnistkit.core.model.ModelLoader}, so that {@code Models.load(file)} reads
 * forest files ("MKRF", versions 1 and 2) into {@link RandomForestModel}s. Users call {@link
 * RandomForestModel#load} or {@code Models.load} rather than this class.
 */
public final class ForestLoader implements ModelLoader {

  /** Made by {@link java.util.ServiceLoader}. */
  public ForestLoader() {}

  /** @return the forest's file kind: magic "MKRF", kind "random forest", layout version 2 */
  @Override
  public ModelFormat format() {
    return ForestFile.FORMAT;
  }

  /**
   * @param file a forest file
   * @return the forest, as {@link RandomForestModel#load}
   * @throws IOException as {@link RandomForestModel#load}
   */
  @Override
  public RandomForestModel load(Path file) throws IOException {
    return RandomForestModel.load(file);
  }
}
