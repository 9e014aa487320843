package org.mnistkit.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistkit.nn.layers.Activation.RELU;
import static org.mnistkit.nn.layers.Activation.SOFTMAX;
import static org.mnistkit.nn.layers.Layers.dense;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * fit starts no thread that outlives it: a program that calls fit with its progress bar ends at
 * once, also under {@code mvn exec:java}, which waits for (and interrupts) the threads a program
 * leaves behind.
 */
class FitThreadsTest {

  @Test
  void fitWithItsProgressBarLeavesNoThreadBehind() {
    TinyData d = TinyData.of(40, 6, 3, 1);
    Sequential m = Sequential.of(dense(8, RELU).inputShape(6), dense(3, SOFTMAX))
        .compile("rmsprop", "categorical_crossentropy", "accuracy");
    m.fit(d.x, d.y, f -> f.epochs(1).batchSize(16).verbose(0)); // ND4J starts its own threads here
    Set<String> before = liveThreads();

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    m.fit(d.x, d.y, f -> f.epochs(3).batchSize(4).verbose(1).output(out));

    assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("10/10 [===="), bytes.toString(StandardCharsets.UTF_8));
    Set<String> after = liveThreads();
    after.removeAll(before);
    assertEquals(Set.of(), after, "threads started by fit and still alive");
  }

  /** Names and ids of the live threads (the id tells two threads of one name apart). */
  private static Set<String> liveThreads() {
    Set<String> names = new TreeSet<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.isAlive()) {
        names.add(t.getName() + "#" + t.getId() + (t.isDaemon() ? " (daemon)" : ""));
      }
    }
    return names;
  }
}
