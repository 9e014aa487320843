package org.mnistkit.examples.walkthrough;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.mnistkit.core.io.AtomicFiles;

/**
 * The files a walkthrough run writes into its report folder, named through one method,
 * {@link #file}, and listed in a manifest, {@value #MANIFEST}, in that folder. Opening the
 * registry deletes the files the previous run's manifest lists, so pictures of an earlier run
 * (a step since skipped, a file since renamed) do not stay beside the new report; nothing else
 * is ever deleted:
 *
 * <ul>
 *   <li>only names the manifest lists, one relative path per line;</li>
 *   <li>only regular files (not links, not folders) whose real path lies inside the folder: an
 *       entry such as {@code ../x}, an absolute path, or one that passes through a link out of
 *       the folder is ignored;</li>
 *   <li>a user's own file in the folder is never listed, so it stays.</li>
 * </ul>
 *
 * The manifest is rewritten (atomically) each time a name is added, before the file itself is
 * written, so a run that fails half-way still lists what it may have left.
 */
final class ReportFiles {

  /** The manifest's name inside the report folder. */
  static final String MANIFEST = ".mnistkit-report-files";

  private final Path folder;
  private final TreeSet<String> names = new TreeSet<>();
  private List<String> removed = List.of();

  private ReportFiles(Path folder) {
    this.folder = folder;
  }

  /**
   * Creates the folder if needed, deletes the files its previous manifest lists (see the class
   * comment for which) and starts an empty manifest.
   *
   * @param folder the report folder
   * @return the registry of this run
   * @throws IOException when the folder cannot be created or a listed file cannot be deleted
   */
  static ReportFiles open(Path folder) throws IOException {
    Path dir = folder.toAbsolutePath().normalize();
    Files.createDirectories(dir);
    ReportFiles files = new ReportFiles(dir);
    files.removed = List.copyOf(files.deletePrevious());
    files.writeManifest();
    return files;
  }

  /**
   * Names a file of the report and records it in the manifest; creates its parent folders.
   *
   * @param relativeName a path relative to the report folder, such as {@code umap.png} or
   *     {@code assets/echarts.min.js}; it must stay inside the folder
   * @return the file's path, to write to
   * @throws IllegalArgumentException when the name is empty, absolute, or leaves the folder
   * @throws IOException when the manifest or the parent folders cannot be written
   */
  Path file(String relativeName) throws IOException {
    return files(List.of(relativeName)).get(0);
  }

  /** @return the file's path inside the folder, its parent folders created */
  private Path checked(String relativeName) throws IOException {
    Path p = inside(relativeName);
    if (p == null || p.equals(folder) || p.getFileName().toString().equals(MANIFEST)) {
      throw new IllegalArgumentException("a report file must be a relative path inside " + folder + ", got '"
          + relativeName + "'");
    }
    Files.createDirectories(p.getParent());
    return p;
  }

  /**
   * Names several files of the report at once, writing the manifest once for all of them (the
   * digit galleries name hundreds).
   *
   * @param relativeNames paths relative to the report folder, each as for {@link #file}
   * @return their paths, in the same order
   * @throws IllegalArgumentException when a name is empty, absolute, or leaves the folder
   * @throws IOException when the manifest or the parent folders cannot be written
   */
  List<Path> files(List<String> relativeNames) throws IOException {
    List<Path> paths = new java.util.ArrayList<>(relativeNames.size());
    boolean added = false;
    for (String name : relativeNames) {
      Path p = checked(name);
      paths.add(p);
      added |= names.add(folder.relativize(p).toString().replace('\\', '/'));
    }
    if (added) {
      writeManifest();
    }
    return paths;
  }

  /** @return the relative names recorded so far, sorted */
  List<String> names() {
    return List.copyOf(names);
  }

  /** @return the relative names of the earlier run's files that {@link #open} deleted */
  List<String> removed() {
    return removed;
  }

  /** @return the report folder, absolute */
  Path folder() {
    return folder;
  }

  /** @return the deleted files' relative names */
  private List<String> deletePrevious() throws IOException {
    Path manifest = folder.resolve(MANIFEST);
    List<String> deleted = new ArrayList<>();
    if (!Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
      return deleted;
    }
    Path realFolder = folder.toRealPath();
    for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
      String name = line.strip();
      Path p = name.isEmpty() ? null : inside(name);
      if (p == null || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      try {
        // the parent's real path: a link to a folder outside does not lead the deletion out
        if (!p.getParent().toRealPath().startsWith(realFolder) || p.getFileName().toString().equals(MANIFEST)) {
          continue;
        }
        Files.delete(p);
        deleted.add(name);
      } catch (NoSuchFileException e) {
        // gone meanwhile: nothing to do
      }
    }
    return deleted;
  }

  /** @return the normalized path of a relative name if it stays inside the folder, else null */
  private Path inside(String relativeName) {
    try {
      Path rel = Path.of(relativeName);
      if (relativeName.isBlank() || rel.isAbsolute()) {
        return null;
      }
      Path p = folder.resolve(rel).normalize();
      return p.startsWith(folder) ? p : null;
    } catch (InvalidPathException e) {
      return null;
    }
  }

  private void writeManifest() throws IOException {
    String text = names.isEmpty() ? "" : String.join("\n", names) + "\n";
    AtomicFiles.write(folder.resolve(MANIFEST), out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }
}
