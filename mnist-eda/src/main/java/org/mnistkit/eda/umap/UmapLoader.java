package org.mnistkit.eda.umap;

import java.io.IOException;
import java.nio.file.Path;
import org.mnistkit.core.io.ModelFormat;
import org.mnistkit.core.model.ModelLoader;

/**
 * The {@link ModelLoader} service for UMAP files ({@code MKUM}), through which {@link
 * org.mnistkit.core.model.Models#load} reads them; registered in {@code
 * META-INF/services/org.mnistkit.core.model.ModelLoader}. Users call {@link UmapModel#load}.
 */
public final class UmapLoader implements ModelLoader {

  /** Creates the service; {@link java.util.ServiceLoader} calls this. */
  public UmapLoader() {}

  /** @return {@code new ModelFormat("MKUM", "UMAP", 2)} */
  @Override
  public ModelFormat format() {
    return UmapIO.FORMAT;
  }

  /**
   * @param file a UMAP file of version 1 or 2
   * @return the model, as {@link UmapModel#load}
   * @throws IOException as {@link UmapModel#load}
   */
  @Override
  public UmapModel load(Path file) throws IOException {
    return UmapModel.load(file);
  }
}
