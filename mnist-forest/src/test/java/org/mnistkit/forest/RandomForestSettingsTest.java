package org.mnistkit.forest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class RandomForestSettingsTest {

  @Test
  void defaultsAreRandomForestsForClassification() {
    RandomForest rf = RandomForest.builder().build();
    assertEquals(500, rf.trees());
    assertFalse(rf.mtry().isPresent());
    assertEquals(28, rf.mtryFor(784));
    assertEquals(1, rf.mtryFor(3));
    assertEquals(1, rf.nodeSize());
    assertEquals(Integer.MAX_VALUE, rf.maxDepth());
    assertTrue(rf.replace());
    assertEquals(1.0, rf.effectiveSampleFraction());
    assertEquals(3000, rf.sampleSize(3000));
    assertEquals(123L, rf.seed());
    assertFalse(rf.importance());
    assertEquals(Runtime.getRuntime().availableProcessors(), rf.threads());
  }

  @Test
  void withoutReplacementDrawsRandomForestsSampsize() {
    RandomForest rf = RandomForest.builder().replace(false).build();
    assertEquals(0.632, rf.effectiveSampleFraction());
    assertEquals(1264, rf.sampleSize(2000)); // ceiling(.632 * 2000)
    assertEquals(1, RandomForest.builder().sampleFraction(0.01).build().sampleSize(10));
  }

  @Test
  void buildRejectsEachBadSettingByName() {
    assertBad(b -> b.trees(0), "trees must be >= 1, got 0");
    assertBad(b -> b.mtry(0), "mtry must be >= 1, got 0");
    assertBad(b -> b.nodeSize(0), "nodeSize must be >= 1, got 0");
    assertBad(b -> b.maxDepth(0), "maxDepth must be >= 1, got 0");
    assertBad(b -> b.threads(0), "threads must be >= 1, got 0");
    assertBad(b -> b.sampleFraction(0), "sampleFraction must be in (0, 1], got 0.0");
    assertBad(b -> b.sampleFraction(1.5), "sampleFraction must be in (0, 1], got 1.5");
    assertBad(b -> b.sampleFraction(Double.NaN), "sampleFraction must be in (0, 1], got NaN");
  }

  private static void assertBad(UnaryOperator<RandomForest.Builder> setting, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> setting.apply(RandomForest.builder()).build());
    assertEquals(message, e.getMessage());
  }

  @Test
  void equalityToStringAndToBuilder() {
    RandomForest a = RandomForest.builder().trees(10).mtry(3).seed(5).threads(2).build();
    assertEquals(a, a.toBuilder().build());
    assertEquals(a.hashCode(), a.toBuilder().build().hashCode());
    assertNotEquals(a, a.toBuilder().seed(6).build());
    assertEquals(a.toBuilder().defaultMtry().build(),
        RandomForest.builder().trees(10).seed(5).threads(2).build());
    assertEquals("RandomForest[trees=10, mtry=3, nodeSize=1, maxDepth=unlimited, "
        + "sampleFraction=1.0, replace=true, threads=2, seed=5, importance=false]", a.toString());
  }
}
