package org.mnistkit.core.data;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * An HTTPS mirror serving the files as {@code base + name + ".gz"} or {@code base + name}, fetched
 * with the JDK's {@link HttpClient}. Each request has a timeout until the response headers arrive,
 * a body that stops delivering data for the idle timeout is abandoned, and transient failures
 * (connection errors, timeouts, HTTP 5xx) are retried a bounded number of times with a short
 * back-off. A 404 for the {@code .gz} name falls back to the plain name.
 */
final class HttpMirrorSource implements DatasetSource {

  /** One daemon thread for every download's idle check; it ends one second after the last download. */
  private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();
  private static final long PROGRESS_MIN_BYTES = 1 << 20;

  private final URI base;
  private final HttpClient client;
  private final FetchSettings settings;

  HttpMirrorSource(URI base, HttpClient client, FetchSettings settings) {
    String s = base.toString();
    this.base = s.endsWith("/") ? base : URI.create(s + "/");
    this.client = client;
    this.settings = settings;
  }

  private static ScheduledThreadPoolExecutor watchdog() {
    ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "mnistkit-download-watchdog");
      t.setDaemon(true);
      return t;
    });
    e.setRemoveOnCancelPolicy(true);
    e.setKeepAliveTime(1, TimeUnit.SECONDS);
    e.allowCoreThreadTimeOut(true);
    return e;
  }

  @Override
  public String describe() {
    return base.toString();
  }

  @Override
  public void fetch(List<DatasetFile> wanted, FileSink sink) throws IOException {
    for (DatasetFile f : wanted) {
      if (!download(f, base.resolve(f.name() + ".gz"), sink)
          && !download(f, base.resolve(f.name()), sink)) {
        throw new IOException("HTTP 404 for " + base.resolve(f.name() + ".gz") + " and for " + f.name());
      }
    }
  }

  /** @return false on HTTP 404, true when the file was delivered; throws on any other failure */
  private boolean download(DatasetFile file, URI uri, FileSink sink) throws IOException {
    IOException last = null;
    for (int attempt = 0; attempt <= settings.retries(); attempt++) {
      if (attempt > 0) {
        sleep(Math.min(4000L, 250L << attempt));
      }
      HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout()).GET().build();
      HttpResponse<InputStream> response;
      try {
        response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      } catch (HttpTimeoutException e) {
        last = new HttpTimeoutException("no response from " + uri + " within " + settings.requestTimeout());
        continue;
      } catch (ConnectException e) {
        if (unresolved(e)) {
          throw new UnknownHostException("unknown host " + uri.getHost());
        }
        last = new ConnectException("cannot connect to " + uri + ": " + DatasetLoader.describe(e));
        continue;
      } catch (IOException e) {
        last = e;
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while fetching " + uri);
      }
      int status = response.statusCode();
      try (InputStream body = response.body()) {
        if (status == 404) {
          return false;
        }
        if (status != 200) {
          last = new IOException("HTTP " + status + " for " + uri);
          if (status >= 500 || status == 429) {
            continue;
          }
          throw last;
        }
        long length = response.headers().firstValueAsLong("content-length").orElse(-1);
        readWithWatchdog(file, uri, body, length, sink);
        return true;
      } catch (ChecksumMismatchException e) {
        throw e;
      } catch (IOException e) {
        last = e;
      }
    }
    throw last;
  }

  /** Hands the body to the sink; if no byte arrives for the idle timeout, interrupts the read. */
  private void readWithWatchdog(DatasetFile file, URI uri, InputStream body, long length, FileSink sink)
      throws IOException {
    ActivityInputStream watched = new ActivityInputStream(body);
    Thread reader = Thread.currentThread();
    Object lock = new Object();
    boolean[] state = new boolean[2]; // [0] finished, [1] timed out
    long idleNanos = settings.idleTimeout().toNanos();
    ScheduledFuture<?> dog = WATCHDOG.scheduleAtFixedRate(() -> {
      synchronized (lock) {
        if (!state[0] && System.nanoTime() - watched.lastActivity > idleNanos) {
          state[1] = true;
          reader.interrupt();
        }
      }
    }, 100, 100, TimeUnit.MILLISECONDS);
    try (DownloadProgress bar = progressBar(file, length)) {
      InputStream in = bar == null ? watched : new ProgressInputStream(watched, bar);
      sink.accept(file, in);
    } catch (IOException e) {
      synchronized (lock) {
        if (state[1]) {
          throw new HttpTimeoutException(String.format(Locale.ROOT, "no data from %s for %d s",
              uri, settings.idleTimeout().toSeconds()));
        }
      }
      throw e;
    } finally {
      synchronized (lock) {
        state[0] = true;
        dog.cancel(false);
        Thread.interrupted(); // clear an interrupt the watchdog may have raised
      }
    }
  }

  /** The JDK's client reports an unknown host as a ConnectException caused, somewhere, by this. */
  private static boolean unresolved(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnresolvedAddressException) {
        return true;
      }
    }
    return false;
  }

  private DownloadProgress progressBar(DatasetFile file, long length) {
    if (!settings.progress() || length < PROGRESS_MIN_BYTES) {
      return null;
    }
    return new DownloadProgress(file.name(), length, System.err, System.console() != null);
  }

  private static void sleep(long millis) throws InterruptedIOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry");
    }
  }

  /** Records the time of the last successful read. */
  private static final class ActivityInputStream extends FilterInputStream {
    volatile long lastActivity = System.nanoTime();

    ActivityInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      lastActivity = System.nanoTime();
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      lastActivity = System.nanoTime();
      return n;
    }
  }

  /** Steps a progress bar by the bytes read. */
  private static final class ProgressInputStream extends FilterInputStream {
    private final DownloadProgress bar;

    ProgressInputStream(InputStream in, DownloadProgress bar) {
      super(in);
      this.bar = bar;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        bar.stepBy(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        bar.stepBy(n);
      }
      return n;
    }
  }
}
