package org.mnistkit.forest;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs numbered tasks on a few worker threads that pull the next task number from a shared
 * counter. Each worker has a stable index so that it can own scratch buffers. Results must be
 * written per task (never per worker) when they are to be independent of the thread count.
 */
final class Parallel {

  /** Work for one task, told which worker runs it. */
  @FunctionalInterface
  interface Body {
    /**
     * @param worker the worker's index, 0..workers-1
     * @param task the task's index, 0..tasks-1
     */
    void run(int worker, int task);
  }

  private Parallel() {}

  /**
   * @param tasks the number of tasks, at least 0
   * @param threads the most threads to use, at least 1
   * @return how many workers {@link #forEach} starts for these sizes
   */
  static int workers(int tasks, int threads) {
    return Math.max(1, Math.min(tasks, threads));
  }

  /**
   * Runs {@code body} for every task in 0..tasks-1 on {@link #workers(int, int)} workers; with
   * one worker everything runs on the calling thread. Returns when all tasks are done.
   *
   * @throws RuntimeException or Error: the first one a task threw (the other workers stop taking
   *     new tasks)
   * @throws CancellationException when the calling thread is interrupted while waiting
   */
  static void forEach(int tasks, int threads, Body body) {
    int workers = workers(tasks, threads);
    if (workers == 1) {
      for (int t = 0; t < tasks; t++) {
        body.run(0, t);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread[] pool = new Thread[workers];
    for (int w = 0; w < workers; w++) {
      int worker = w;
      pool[w] = new Thread(() -> {
        try {
          for (int t = next.getAndIncrement(); t < tasks && failure.get() == null;
              t = next.getAndIncrement()) {
            body.run(worker, t);
          }
        } catch (RuntimeException | Error e) {
          failure.compareAndSet(null, e);
        }
      }, "mnistkit-forest-" + w);
      pool[w].setDaemon(true);
      pool[w].start();
    }
    try {
      for (Thread thread : pool) {
        thread.join();
      }
    } catch (InterruptedException e) {
      failure.compareAndSet(null, new CancellationException("interrupted"));
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while waiting for forest workers");
    }
    Throwable t = failure.get();
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error err) {
      throw err;
    }
  }
}
