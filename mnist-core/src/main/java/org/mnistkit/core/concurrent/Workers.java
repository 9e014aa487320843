package org.mnistkit.core.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed set of worker threads: the one parallel loop that the forest, the SVDs, UMAP and the
 * quality metrics share. Work is split into numbered tasks handed out in order to whichever
 * thread is free; the calling thread works too, so {@code threads} threads run in all, and with
 * one thread everything runs on the caller's thread and no pool is created.
 *
 * <p>Open one for the duration of a computation and close it afterwards (try-with-resources);
 * the threads are daemon threads, so a forgotten close does not keep the JVM alive. Results must
 * not depend on the number of threads: callers either write disjoint outputs per task or reduce
 * per-task partial results in task order. When a task throws, no further tasks are started, the
 * running ones finish, and an exception is rethrown to the caller (the caller's own, else that of
 * the lowest-numbered worker that failed). A call returns only when no task of it is running, even
 * when the caller is interrupted during the call, while waiting or while running a task itself (the
 * interrupt is then kept and reported).
 *
 * <p>One computation at a time: the methods must not be called concurrently or from inside a
 * task.
 */
public final class Workers implements AutoCloseable {

  /** The work done for one chunk of an index range. */
  @FunctionalInterface
  public interface RangeTask {
    /**
     * @param chunk the chunk number, 0..chunks-1, in range order
     * @param from first index of the chunk, inclusive
     * @param to last index of the chunk, exclusive
     */
    void run(int chunk, int from, int to);
  }

  /** The work done for one task, told which worker runs it (for per-worker scratch memory). */
  @FunctionalInterface
  public interface Task {
    /**
     * @param worker the worker running the task, 0..{@link #workersFor}(tasks)-1; one worker
     *     runs one task at a time
     * @param task the task number, 0..tasks-1
     */
    void run(int worker, int task);
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
        Thread t = new Thread(r, String.format(Locale.ROOT, "mnistkit-worker-%d-%d", number,
            count.incrementAndGet()));
        t.setDaemon(true);
        return t;
      });
    }
  }

  /** @return the number of processors the JVM may use, the default thread count everywhere */
  public static int defaultThreads() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** @return the number of threads, at least 1 */
  public int threads() {
    return threads;
  }

  /**
   * @param tasks a number of tasks, at least 0
   * @return how many workers {@link #forEach} uses for them: min(tasks, threads), at least 1;
   *     the size of per-worker scratch arrays
   */
  public int workersFor(int tasks) {
    return Math.max(1, Math.min(tasks, threads));
  }

  /**
   * Runs {@code task} once for each of {@code threads} contiguous chunks of [0, n).
   *
   * @param n the range length, at least 0
   * @param task the work per chunk
   */
  public void forRange(int n, RangeTask task) {
    forChunks(n, threads, task);
  }

  /**
   * Splits [0, n) into {@code chunks} contiguous chunks of near-equal length (chunk c covers
   * {@code [n c / chunks, n (c + 1) / chunks)}, which does not depend on the thread count) and
   * runs {@code task} once per chunk.
   *
   * @param n the range length, at least 0
   * @param chunks the number of chunks, at least 1; more chunks than threads balance uneven work
   * @param task the work per chunk
   * @throws IllegalArgumentException when chunks is below 1
   * @throws RuntimeException an exception a chunk threw, as {@link #forEach} says
   */
  public void forChunks(int n, int chunks, RangeTask task) {
    if (chunks < 1) {
      throw new IllegalArgumentException("chunks must be >= 1, got " + chunks);
    }
    if (n < 2) {
      for (int c = 0; c < chunks; c++) {
        task.run(c, (int) ((long) n * c / chunks), (int) ((long) n * (c + 1) / chunks));
      }
      return;
    }
    forEach(chunks,
        (w, c) -> task.run(c, (int) ((long) n * c / chunks), (int) ((long) n * (c + 1) / chunks)));
  }

  /**
   * Runs {@code task} for each task number 0..tasks-1, handed out in increasing order.
   *
   * @param tasks the number of tasks, at least 0
   * @param task the work per task
   * @throws IllegalArgumentException when tasks is negative
   * @throws RuntimeException an exception a task threw (an Error is rethrown as is); an
   *     IllegalStateException when the caller was interrupted before or during a call that used more than
   *     one thread (the thread's interrupt flag is set again)
   */
  public void forEach(int tasks, Task task) {
    if (tasks < 0) {
      throw new IllegalArgumentException("tasks must be >= 0, got " + tasks);
    }
    int workers = workersFor(tasks);
    if (pool == null || workers == 1) {
      for (int t = 0; t < tasks; t++) {
        task.run(0, t);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean failed = new AtomicBoolean();
    List<Future<?>> futures = new ArrayList<>(workers - 1);
    for (int w = 1; w < workers; w++) {
      int worker = w;
      futures.add(pool.submit(() -> drain(worker, tasks, task, next, failed)));
    }
    Throwable failure = null;
    try {
      drain(0, tasks, task, next, failed);
    } catch (RuntimeException | Error e) {
      failure = e;
    }
    boolean interrupted = false;
    for (Future<?> f : futures) {
      while (true) {
        try {
          f.get();
          break;
        } catch (ExecutionException e) {
          if (failure == null) {
            failure = e.getCause();
          }
          break;
        } catch (InterruptedException e) {
          // Stop handing out tasks, but wait on: the running ones still write the caller's arrays.
          interrupted = true;
          failed.set(true);
        }
      }
    }
    // An interrupt that arrived while the caller ran a task itself is seen here: Future.get of a
    // task already done returns without looking at the interrupt flag.
    if (interrupted || Thread.currentThread().isInterrupted()) {
      Thread.currentThread().interrupt();
      if (failure == null) {
        failure = new IllegalStateException("interrupted while waiting for workers");
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

  private static void drain(int worker, int tasks, Task task, AtomicInteger next,
      AtomicBoolean failed) {
    try {
      for (int t = next.getAndIncrement(); t < tasks && !failed.get(); t = next.getAndIncrement()) {
        task.run(worker, t);
      }
    } catch (RuntimeException | Error e) {
      failed.set(true);
      throw e;
    }
  }

  /**
   * Stops the pool's threads. Call it when no computation is running; afterwards the methods
   * work only for single-threaded instances, others throw
   * {@link java.util.concurrent.RejectedExecutionException}.
   */
  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
