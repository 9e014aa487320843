package org.mnistkit.forest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** fit with a progress listener: told on the calling thread only, ending at (trees, trees), same forest. */
class ForestProgressTest {

  @Test
  void progressIsToldOnTheCallingThreadAndTheForestIsUnchanged() {
    Fixtures.Data d = Fixtures.clusters(200, 6, 3);
    RandomForest rf = RandomForest.builder().trees(30).mtry(2).seed(5).threads(3).build();
    Thread caller = Thread.currentThread();
    List<long[]> calls = new ArrayList<>(); // not synchronized: only the caller may add
    List<Thread> threads = new ArrayList<>();
    RandomForestModel withListener = rf.fit(d.x(), d.y(), (done, total) -> {
      threads.add(Thread.currentThread());
      calls.add(new long[] {done, total});
    });
    assertTrue(threads.stream().allMatch(t -> t == caller), "every call on the calling thread");
    assertTrue(calls.size() >= 2, "at least one tree of the caller's and the end: " + calls.size());
    for (int i = 0; i < calls.size(); i++) {
      assertEquals(30, calls.get(i)[1]);
      assertTrue(calls.get(i)[0] >= 1 && calls.get(i)[0] <= 30);
      assertTrue(i == 0 || calls.get(i)[0] >= calls.get(i - 1)[0], "never decreasing");
    }
    assertArrayEquals(new long[] {30, 30}, calls.get(calls.size() - 1));
    RandomForestModel without = rf.fit(d.x(), d.y());
    assertEquals(without.oobError(), withListener.oobError());
    assertEquals(without.predictProba(d.x()), withListener.predictProba(d.x()));
  }
}
