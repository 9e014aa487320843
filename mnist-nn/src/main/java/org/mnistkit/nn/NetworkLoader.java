package org.mnistkit.nn;

import org.mnistkit.core.model.ModelLoader;

/**
 * The {@link ModelLoader} service, registered in {@code
 * META-INF/services/org.mnistkit.core.model.ModelLoader}, through which {@code Models.load} reads
 * network files ("MKNN" version 2, and version 1, which began with "MNISTKIT-NN") into {@link Sequential}s; users call {@link Sequential#load} or {@code Models.load}.
 */
public final class NetworkLoader extends ModelLoader {

  /** Made by {@link java.util.ServiceLoader}. */
  public NetworkLoader() {
    super(NetworkFile.FORMAT, Sequential::load, "MNISTKIT-NN\n");
  }
}
