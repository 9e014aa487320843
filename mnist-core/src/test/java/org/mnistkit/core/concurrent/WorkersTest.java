package org.mnistkit.core.concurrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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

  @Test
  void anInterruptedCallerStillWaitsForRunningTasks() throws InterruptedException {
    try (Workers w = new Workers(2)) {
      AtomicInteger running = new AtomicInteger();
      AtomicInteger runningAtReturn = new AtomicInteger(-1);
      AtomicBoolean interruptKept = new AtomicBoolean();
      AtomicBoolean threw = new AtomicBoolean();
      CountDownLatch started = new CountDownLatch(2);
      Thread caller = new Thread(() -> {
        try {
          w.forEach(2, (k, t) -> {
            running.incrementAndGet();
            started.countDown();
            long end = System.nanoTime() + 300_000_000L;
            while (System.nanoTime() < end) {
              Thread.onSpinWait(); // a task that does not react to interrupts
            }
            running.decrementAndGet();
          });
        } catch (IllegalStateException e) {
          threw.set(e.getMessage().contains("interrupted"));
        } finally {
          runningAtReturn.set(running.get());
          interruptKept.set(Thread.currentThread().isInterrupted());
        }
      });
      caller.start();
      started.await();
      caller.interrupt();
      caller.join();
      assertEquals(0, runningAtReturn.get(), "tasks still running when forEach returned");
      assertTrue(threw.get(), "the interrupt is reported");
      assertTrue(interruptKept.get(), "the interrupt flag is kept");
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
