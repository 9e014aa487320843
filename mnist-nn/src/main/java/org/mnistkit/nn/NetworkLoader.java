package org.mnistkit.nn;

import java.io.IOException;
import java.nio.file.Path;
import org.mnistkit.core.io.ModelFormat;
import org.mnistkit.core.model.FittedModel;
import org.mnistkit.core.model.ModelLoader;

/**
 * The {@link ModelLoader} service through which {@link org.mnistkit.core.model.Models#load} reads
 * network files (magic "MKNN"); registered in {@code META-INF/services}. Call
 * {@link Sequential#load} to get the type directly (it also reads version-1 files, whose magic
 * "MNISTKIT-NN" Models.load does not dispatch on).
 */
public final class NetworkLoader implements ModelLoader {

  /** For {@link java.util.ServiceLoader}. */
  public NetworkLoader() {}

  /** @return magic "MKNN", kind "network", layout version 2 */
  @Override
  public ModelFormat format() {
    return NetworkFile.FORMAT;
  }

  /**
   * @param file a network model file
   * @return the {@link Sequential} it holds
   * @throws IOException as {@link Sequential#load}
   */
  @Override
  public FittedModel load(Path file) throws IOException {
    return Sequential.load(file);
  }
}
