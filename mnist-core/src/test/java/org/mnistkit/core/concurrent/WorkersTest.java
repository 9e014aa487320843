package org.mnistkit.core.concurrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class WorkersTest {

  @Test
  void chunksCoverTheRangeInOrderWhateverTheThreadCount() {
    for (int threads : new int[] {1, 2, 5}) {
      try (Workers w = new Workers(threads)) {
        int[] from = new int[7];
        int[] to = new int[7];
        int[] hits = new int[100];
        w.forChunks(100, 7, (c, a, b) -> {
          from[c] = a;
          to[c] = b;
          for (int i = a; i < b; i++) {
            hits[i]++;
          }
        });
        assertArrayEquals(new int[] {0, 14, 28, 42, 57, 71, 85}, from, "threads " + threads);
        assertArrayEquals(new int[] {14, 28, 42, 57, 71, 85, 100}, to, "threads " + threads);
        for (int h : hits) {
          assertEquals(1, h);
        }
      }
    }
  }

  @Test
  void emptyAndTinyRangesStillVisitEveryChunk() {
    try (Workers w = new Workers(3)) {
      AtomicInteger calls = new AtomicInteger();
      w.forChunks(0, 4, (c, a, b) -> {
        assertEquals(a, b);
        calls.incrementAndGet();
      });
      assertEquals(4, calls.get());
      w.forEach(0, (worker, t) -> calls.incrementAndGet());
      assertEquals(4, calls.get());
    }
  }

  @Test
  void eachTaskRunsOnceOnAWorkerInRange() {
    try (Workers w = new Workers(3)) {
      assertEquals(3, w.workersFor(10));
      assertEquals(2, w.workersFor(2));
      assertEquals(1, w.workersFor(0));
      int[] runs = new int[50];
      int[] worker = new int[50];
      AtomicBoolean[] busy = {new AtomicBoolean(), new AtomicBoolean(), new AtomicBoolean()};
      AtomicInteger overlaps = new AtomicInteger();
      w.forEach(50, (k, t) -> {
        if (!busy[k].compareAndSet(false, true)) {
          overlaps.incrementAndGet(); // per-worker scratch memory relies on this never happening
        }
        runs[t]++;
        worker[t] = k;
        Thread.onSpinWait();
        busy[k].set(false);
      });
      assertEquals(0, overlaps.get(), "tasks overlapping on one worker index");
      for (int t = 0; t < 50; t++) {
        assertEquals(1, runs[t]);
        assertTrue(worker[t] >= 0 && worker[t] < 3, "worker " + worker[t]);
      }
    }
  }

  @Test
  void theFirstFailureReachesTheCallerAndStopsNewTasks() {
    try (Workers w = new Workers(2)) {
      IllegalStateException boom = new IllegalStateException("boom");
      AtomicInteger started = new AtomicInteger();
      IllegalStateException thrown = assertThrows(IllegalStateException.class,
          () -> w.forEach(1000, (k, t) -> {
            started.incrementAndGet();
            if (t == 3) {
              throw boom;
            }
          }));
      assertSame(boom, thrown);
      assertTrue(started.get() < 1000, "started " + started.get());
      AssertionError error = assertThrows(AssertionError.class,
          () -> w.forChunks(10, 5, (c, a, b) -> {
            throw new AssertionError("chunk " + c);
          }));
      assertTrue(error.getMessage().startsWith("chunk "), error.getMessage());
      // the pool is still usable afterwards
      AtomicInteger sum = new AtomicInteger();
      w.forChunks(1000, 8, (c, a, b) -> sum.addAndGet(b - a));
      assertEquals(1000, sum.get());
    }
  }

  /**
   * What the caller of forEach saw: the tasks still running when it returned, whether it threw the
   * interrupt's IllegalStateException and whether its interrupt flag was set afterwards.
   */
  private static final class CallerOutcome {
    final AtomicInteger runningAtReturn = new AtomicInteger(-1);
    final AtomicBoolean reported = new AtomicBoolean();
    final AtomicBoolean interruptKept = new AtomicBoolean();

    Thread start(Workers w, AtomicInteger running, Workers.Task task) {
      Thread caller = new Thread(() -> {
        try {
          w.forEach(2, task);
        } catch (IllegalStateException e) {
          reported.set("interrupted while waiting for workers".equals(e.getMessage()));
        } finally {
          runningAtReturn.set(running.get());
          interruptKept.set(Thread.currentThread().isInterrupted());
        }
      }, "workers-test-caller");
      caller.start();
      return caller;
    }

    void check(Thread caller) throws InterruptedException {
      caller.join(60_000); // a guard against a hang only; nothing here depends on time
      assertFalse(caller.isAlive(), "forEach returned");
      assertEquals(0, runningAtReturn.get(), "tasks still running when forEach returned");
      assertTrue(reported.get(), "the interrupt is reported");
      assertTrue(interruptKept.get(), "the interrupt flag is kept");
    }
  }

  /** Waits, without reacting to interrupts, until the condition holds. */
  private static void spinUntil(java.util.function.BooleanSupplier condition) {
    while (!condition.getAsBoolean()) {
      Thread.onSpinWait();
    }
  }

  @Test
  void aCallerInterruptedWhileWaitingWaitsForTheRunningTaskAndReportsIt() throws InterruptedException {
    try (Workers w = new Workers(2)) {
      AtomicInteger running = new AtomicInteger();
      CountDownLatch workerStarted = new CountDownLatch(1);
      AtomicBoolean release = new AtomicBoolean();
      CallerOutcome outcome = new CallerOutcome();
      // Worker 0 is the caller's thread: its task ends once the pool's task has started, so the caller
      // then waits in forEach; the pool's task runs, ignoring interrupts, until the test releases it.
      Thread caller = outcome.start(w, running, (k, t) -> {
        running.incrementAndGet();
        if (k == 0) {
          spinUntil(() -> workerStarted.getCount() == 0);
        } else {
          workerStarted.countDown();
          spinUntil(release::get);
        }
        running.decrementAndGet();
      });
      spinUntil(() -> workerStarted.getCount() == 0 && caller.getState() == Thread.State.WAITING);
      caller.interrupt();
      // The caller has seen the interrupt once its flag is cleared (Future.get threw); then it either
      // waits again (right) or returns (wrong) before the running task is released.
      spinUntil(() -> !caller.isInterrupted());
      spinUntil(() -> caller.getState() == Thread.State.WAITING || caller.getState() == Thread.State.TERMINATED);
      release.set(true);
      outcome.check(caller);
    }
  }

  @Test
  void aCallerInterruptedWhileRunningATaskItselfReportsItToo() throws InterruptedException {
    try (Workers w = new Workers(2)) {
      AtomicInteger running = new AtomicInteger();
      CountDownLatch callerStarted = new CountDownLatch(1);
      AtomicReference<Thread> poolThread = new AtomicReference<>();
      AtomicBoolean poolTaskDone = new AtomicBoolean();
      CallerOutcome outcome = new CallerOutcome();
      // The pool's task ends first and its thread goes idle, so the caller's Future.get finds it done
      // (and, before the fix, never looked at the interrupt that arrived during the caller's own task).
      Thread caller = outcome.start(w, running, (k, t) -> {
        running.incrementAndGet();
        if (k == 0) {
          callerStarted.countDown();
          spinUntil(() -> Thread.currentThread().isInterrupted() && poolTaskDone.get()
              && poolThread.get().getState() == Thread.State.WAITING);
        } else {
          poolThread.set(Thread.currentThread());
          spinUntil(() -> callerStarted.getCount() == 0);
          poolTaskDone.set(true);
        }
        running.decrementAndGet();
      });
      spinUntil(() -> callerStarted.getCount() == 0);
      caller.interrupt();
      outcome.check(caller);
    }
  }

  @Test
  void rejectsBadArguments() {
    assertEquals("threads must be >= 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> new Workers(0)).getMessage());
    try (Workers w = new Workers(1)) {
      assertEquals("chunks must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
          () -> w.forChunks(5, 0, (c, a, b) -> { })).getMessage());
      assertEquals("tasks must be >= 0, got -1", assertThrows(IllegalArgumentException.class,
          () -> w.forEach(-1, (k, t) -> { })).getMessage());
    }
  }
}
