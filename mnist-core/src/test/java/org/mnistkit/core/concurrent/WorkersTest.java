package org.mnistkit.core.concurrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
      w.forEach(50, (k, t) -> {
        runs[t]++;
        worker[t] = k;
      });
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
      int[] sum = new int[1];
      w.forChunks(10, 1, (c, a, b) -> sum[0] = b - a);
      assertEquals(10, sum[0]);
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
