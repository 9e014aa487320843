package org.mnistkit.core.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.mnistkit.core.idx.IdxReader;
import org.mnistkit.core.io.AtomicFiles;

/**
 * One dataset's folder of verified files, such as {@code ~/.mnistkit/datasets/mnist}.
 *
 * <p>Files are stored uncompressed under their plain names; a file placed there by hand may also
 * be gzip-compressed as {@code name.gz}. A file counts as present only when its uncompressed size
 * and SHA-256 match the {@link DatasetFile}. Checking a 47 MB file takes a moment, so each
 * verification is remembered in a {@code .verified} stamp (name, size and modification time) and
 * repeated only when the file changes.
 *
 * <p>New files are written with {@link AtomicFiles} while their checksum is computed, and moved into
 * place only when it matches; a mismatching file is deleted. A process
 * that dies mid-download leaves at most a hidden {@code .part} file behind, never a corrupt file
 * under a dataset name.
 */
final class DatasetCache {

  private static final String STAMP = ".verified";
  private static final int CHUNK = 1 << 16;

  private final Path dir;

  DatasetCache(Path dir) {
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  /**
   * @return the files that are absent or fail verification, in the given order
   * @throws IOException when the folder cannot be read
   */
  List<DatasetFile> missing(List<DatasetFile> files) throws IOException {
    Map<String, String> stamps = readStamps();
    List<DatasetFile> out = new ArrayList<>();
    boolean changed = false;
    for (DatasetFile f : files) {
      Path p = locate(dir, f.name());
      if (p == null) {
        out.add(f);
        continue;
      }
      String key = stampOf(p);
      if (key.equals(stamps.get(f.name()))) {
        continue;
      }
      if (f.sha256().equals(sha256(p, f.sizeBytes()))) {
        stamps.put(f.name(), key);
        changed = true;
      } else {
        out.add(f);
      }
    }
    if (changed) {
      writeStamps(stamps);
    }
    return out;
  }

  /**
   * Verifies content and stores it as {@code dir/file.name()}, atomically.
   *
   * @param file the expected size and checksum
   * @param content plain or gzip bytes (detected by content), read to the end
   * @param source a description of where the content comes from, for messages
   * @throws ChecksumMismatchException when the size or SHA-256 differ (nothing is stored)
   * @throws IOException when reading or writing fails (nothing is stored)
   */
  void install(DatasetFile file, InputStream content, String source) throws IOException {
    Path target = dir.resolve(file.name());
    AtomicFiles.write(target, out -> copyVerified(file, content, source, out));
    Files.deleteIfExists(dir.resolve(file.name() + ".gz"));
    Map<String, String> stamps = readStamps();
    stamps.put(file.name(), stampOf(target));
    writeStamps(stamps);
  }

  /** Copies the uncompressed content to out, throwing when its size or SHA-256 is not the file's. */
  private static void copyVerified(DatasetFile file, InputStream content, String source, OutputStream out)
      throws IOException {
    MessageDigest sha = newSha256();
    long size = 0;
    InputStream in = uncompressed(content);
    byte[] buf = new byte[CHUNK];
    for (int n; (n = in.read(buf)) > 0; ) {
      size += n;
      if (size > file.sizeBytes()) {
        throw new ChecksumMismatchException(String.format(Locale.ROOT,
            "%s from %s is longer than the expected %d bytes; discarded", file.name(), source, file.sizeBytes()));
      }
      sha.update(buf, 0, n);
      out.write(buf, 0, n);
    }
    String found = HexFormat.of().formatHex(sha.digest());
    if (size != file.sizeBytes() || !found.equals(file.sha256())) {
      throw new ChecksumMismatchException(String.format(Locale.ROOT,
          "%s from %s has %d bytes with SHA-256 %s; expected %d bytes with SHA-256 %s; discarded",
          file.name(), source, size, found, file.sizeBytes(), file.sha256()));
    }
  }

  /**
   * @return {@code dir/name} if it exists, else {@code dir/name.gz} if that exists, else null
   */
  static Path locate(Path dir, String name) {
    Path plain = dir.resolve(name);
    if (Files.isRegularFile(plain)) {
      return plain;
    }
    Path gz = dir.resolve(name + ".gz");
    return Files.isRegularFile(gz) ? gz : null;
  }

  /** The SHA-256 of a file's uncompressed content, or "" when it exceeds maxBytes. */
  private static String sha256(Path p, long maxBytes) throws IOException {
    MessageDigest sha = newSha256();
    long size = 0;
    try (InputStream in = uncompressed(Files.newInputStream(p))) {
      byte[] buf = new byte[CHUNK];
      for (int n; (n = in.read(buf)) > 0; ) {
        size += n;
        if (size > maxBytes) {
          return "";
        }
        sha.update(buf, 0, n);
      }
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      return ""; // a corrupt .gz counts as a mismatch and is fetched again
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static InputStream uncompressed(InputStream raw) throws IOException {
    InputStream in = new BufferedInputStream(raw, CHUNK);
    return IdxReader.isGzip(in) ? new GZIPInputStream(in, CHUNK) : in;
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static String stampOf(Path p) throws IOException {
    return p.getFileName() + " " + Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis();
  }

  private Map<String, String> readStamps() throws IOException {
    Map<String, String> stamps = new LinkedHashMap<>();
    Path f = dir.resolve(STAMP);
    if (Files.isRegularFile(f)) {
      for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
        int tab = line.indexOf('\t');
        if (tab > 0) {
          stamps.put(line.substring(0, tab), line.substring(tab + 1));
        }
      }
    }
    return stamps;
  }

  private void writeStamps(Map<String, String> stamps) throws IOException {
    StringBuilder sb = new StringBuilder();
    stamps.forEach((k, v) -> sb.append(k).append('\t').append(v).append('\n'));
    AtomicFiles.write(dir.resolve(STAMP), out -> out.write(sb.toString().getBytes(StandardCharsets.UTF_8)));
  }

}
