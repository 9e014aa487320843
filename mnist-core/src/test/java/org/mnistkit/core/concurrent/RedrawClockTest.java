package org.mnistkit.core.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RedrawClockTest {

  @Test
  void theFirstCallIsDueAndTheNextOnlyAfterTheInterval() {
    RedrawClock clock = new RedrawClock(60_000);
    assertTrue(clock.due(), "the first call draws");
    assertFalse(clock.due(), "a minute has not passed");
    assertFalse(clock.due());
  }

  @Test
  void aZeroIntervalIsAlwaysDueAndTimeOnlyGrows() {
    RedrawClock clock = new RedrawClock(0);
    for (int i = 0; i < 5; i++) {
      assertTrue(clock.due());
    }
    long a = clock.elapsedNanos();
    assertTrue(a >= 0 && clock.elapsedNanos() >= a);
  }

  @Test
  void aNegativeIntervalIsRefused() {
    assertEquals("intervalMillis must be >= 0, got -1",
        assertThrows(IllegalArgumentException.class, () -> new RedrawClock(-1)).getMessage());
  }
}
