package org.mnistkit.eda.svd;

import java.io.IOException;
import java.nio.file.Path;
import org.mnistkit.core.io.ModelFormat;
import org.mnistkit.core.model.ModelLoader;

/**
 * The {@link ModelLoader} service for PCA files ({@code MKPC}), through which {@link
 * org.mnistkit.core.model.Models#load} reads them; registered in {@code
 * META-INF/services/org.mnistkit.core.model.ModelLoader}. Users call {@link PcaModel#load}.
 */
public final class PcaLoader implements ModelLoader {

  /** Creates the service; {@link java.util.ServiceLoader} calls this. */
  public PcaLoader() {}

  /** @return {@code new ModelFormat("MKPC", "PCA", 2)} */
  @Override
  public ModelFormat format() {
    return PcaIO.FORMAT;
  }

  /**
   * @param file a PCA file of version 1 or 2
   * @return the model, as {@link PcaModel#load}
   * @throws IOException as {@link PcaModel#load}
   */
  @Override
  public PcaModel load(Path file) throws IOException {
    return PcaModel.load(file);
  }
}
