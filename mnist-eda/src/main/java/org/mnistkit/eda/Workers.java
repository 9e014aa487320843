package org.mnistkit.eda;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed set of worker threads that split an index range into contiguous chunks: the one
 * parallel loop that SVD, PCA, UMAP and the quality metrics share. With one thread everything runs
 * on the caller's thread and no pool is created.
 *
 * <p>Open one for the duration of a computation and close it afterwards (try-with-resources);
 * the threads are daemon threads, so a forgotten close does not keep the JVM alive. Results must
 * not depend on the number of threads: callers either write disjoint outputs per index or reduce
 * per-chunk partial results in chunk order.
 */
public final class Workers implements AutoCloseable {

  /** The work done for one chunk of a range. */
  @FunctionalInterface
  public interface RangeTask {
    /**
     * @param chunk the chunk number, 0..chunks-1, in range order
     * @param from first index of the chunk, inclusive
     * @param to last index of the chunk, exclusive
     */
    void run(int chunk, int from, int to);
  }

  private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

  private final int threads;
  private final ExecutorService pool;

  /**
   * @param threads number of threads, at least 1
   * @throws IllegalArgumentException when threads is below 1
   */
  public Workers(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.threads = threads;
    if (threads == 1) {
      pool = null;
    } else {
      int number = POOL_NUMBER.incrementAndGet();
      AtomicInteger count = new AtomicInteger();
      pool = Executors.newFixedThreadPool(threads - 1, r -> {
        Thread t = new Thread(r, String.format(Locale.ROOT, "mnistkit-eda-%d-%d", number,
            count.incrementAndGet()));
        t.setDaemon(true);
        return t;
      });
    }
  }

  /** @return the number of available processors, the default thread count of this module */
  public static int defaultThreads() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** @return the number of threads, at least 1 */
  public int threads() {
    return threads;
  }

  /**
   * Splits [0, n) into {@link #threads()} contiguous chunks of nearly equal size and runs them in
   * parallel, waiting for all of them.
   *
   * @param n size of the range, at least 0
   * @param task the work for one chunk
   */
  public void forRange(int n, RangeTask task) {
    forChunks(n, threads, task);
  }

  /**
   * Splits [0, n) into {@code chunks} contiguous chunks of nearly equal size (chunk c covers
   * {@code [n * c / chunks, n * (c + 1) / chunks)}) and runs them on the workers, waiting for all.
   * The chunk boundaries depend only on n and chunks, never on the thread count.
   *
   * @param n size of the range, at least 0
   * @param chunks number of chunks, at least 1
   * @param task the work for one chunk
   * @throws RuntimeException rethrown from a task (an Error is rethrown as is)
   */
  public void forChunks(int n, int chunks, RangeTask task) {
    if (chunks < 1) {
      throw new IllegalArgumentException("chunks must be >= 1, got " + chunks);
    }
    if (pool == null || chunks == 1 || n < 2) {
      for (int c = 0; c < chunks; c++) {
        task.run(c, (int) ((long) n * c / chunks), (int) ((long) n * (c + 1) / chunks));
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    Runnable drain = () -> {
      for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
        task.run(c, (int) ((long) n * c / chunks), (int) ((long) n * (c + 1) / chunks));
      }
    };
    int helpers = Math.min(threads - 1, chunks - 1);
    List<Future<?>> futures = new ArrayList<>(helpers);
    for (int h = 0; h < helpers; h++) {
      futures.add(pool.submit(drain));
    }
    Throwable failure = null;
    try {
      drain.run();
    } catch (RuntimeException | Error e) {
      failure = e;
    }
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (ExecutionException e) {
        if (failure == null) {
          failure = e.getCause();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        if (failure == null) {
          failure = new IllegalStateException("interrupted while waiting for workers", e);
        }
      }
    }
    if (failure instanceof RuntimeException re) {
      throw re;
    }
    if (failure instanceof Error err) {
      throw err;
    }
    if (failure != null) {
      throw new IllegalStateException(failure);
    }
  }

  /** Stops the threads; further calls to the loops fail. */
  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
