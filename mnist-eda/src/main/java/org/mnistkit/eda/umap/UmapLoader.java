package org.mnistkit.eda.umap;

import org.mnistkit.core.model.ModelLoader;

/**
 * The {@link ModelLoader} service, registered in {@code
 * META-INF/services/org.mnistkit.core.model.ModelLoader}, through which {@code Models.load} reads
 * UMAP files ("MKUM", versions 1 and 2) into {@link UmapModel}s; users call {@link UmapModel#load} or {@code Models.load}.
 */
public final class UmapLoader extends ModelLoader {

  /** Made by {@link java.util.ServiceLoader}. */
  public UmapLoader() {
    super(UmapIO.FORMAT, UmapModel::load);
  }
}
