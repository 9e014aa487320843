package org.mnistkit.forest;

import org.mnistkit.core.model.ModelLoader;

/**
 * The {@link ModelLoader} service, registered in {@code
 * META-INF/services/org.mnistkit.core.model.ModelLoader}, through which {@code Models.load} reads
 * forest files ("MKRF", versions 1 and 2) into {@link RandomForestModel}s; users call {@link RandomForestModel#load} or {@code Models.load}.
 */
public final class ForestLoader extends ModelLoader {

  /** Made by {@link java.util.ServiceLoader}. */
  public ForestLoader() {
    super(ForestFile.FORMAT, RandomForestModel::load);
  }
}
