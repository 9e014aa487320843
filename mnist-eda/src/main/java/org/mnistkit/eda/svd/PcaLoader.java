package org.mnistkit.eda.svd;

import org.mnistkit.core.model.ModelLoader;

/**
 * The {@link ModelLoader} service, registered in {@code
 * META-INF/services/org.mnistkit.core.model.ModelLoader}, through which {@code Models.load} reads
 * PCA files ("MKPC", versions 1 and 2) into {@link PcaModel}s; users call {@link PcaModel#load} or {@code Models.load}.
 */
public final class PcaLoader extends ModelLoader {

  /** Made by {@link java.util.ServiceLoader}. */
  public PcaLoader() {
    super(PcaIO.FORMAT, PcaModel::load);
  }
}
