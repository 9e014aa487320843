package org.mnistkit.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mnistkit.core.testing.TestAssertions.assertThrowsWithMessage;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryTest {

  private static Map<String, Double> logs(double loss, double acc, double vLoss, double vAcc) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("loss", loss);
    m.put("accuracy", acc);
    m.put("val_loss", vLoss);
    m.put("val_accuracy", vAcc);
    return m;
  }

  @Test
  void printsLikeRKeras() {
    History.Recorder r = new History.Recorder();
    r.add(logs(0.25, 0.92, 0.15, 0.95), 9.1);
    r.add(logs(0.03857, 0.98831, 0.10934, 0.97672), 8.7);
    History h = r.build(FitOptions.builder().epochs(2).batchSize(128).build(), 48_000, 12_000, new int[] {784},
        false);
    assertEquals("Trained on 48,000 samples, validated on 12,000 samples (batch_size=128, epochs=2)\n"
        + "Final epoch (plot to see history):\n"
        + "        loss: 0.0386\n"
        + "    accuracy: 0.9883\n"
        + "    val_loss: 0.1093\n"
        + "val_accuracy: 0.9767\n", h.toString());
    assertArrayEquals(new double[] {0.92, 0.98831}, h.get("accuracy"));
    assertArrayEquals(new double[] {9.1, 8.7}, h.epochSeconds());
    assertEquals(2, h.epochs());
    assertArrayEquals(new int[] {784}, h.inputShape());
    assertThrowsWithMessage(IllegalArgumentException.class, () -> h.get("acc"), "'acc' was not logged",
        "val_accuracy");
  }
}
