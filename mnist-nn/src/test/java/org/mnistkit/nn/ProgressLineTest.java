package org.mnistkit.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistkit.nn.layers.Activation.RELU;
import static org.mnistkit.nn.layers.Activation.SOFTMAX;
import static org.mnistkit.nn.layers.Layers.dense;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

  @Test
  void finishedLineLooksLikeKeras() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("loss", 0.25731);
    m.put("accuracy", 0.92541);
    assertEquals("469/469 [==============================] - 9s 19ms/step - loss: 0.2573 - accuracy: 0.9254",
        ProgressLine.format(469, 469, Duration.ofMillis(8911), true, ProgressLine.metrics(m)));
  }

  @Test
  void runningLineShowsArrowAndEta() {
    // 128 of 469 steps in 2.56 s: 20 ms per step, 341 steps to go -> ETA 7s; 30 * 128 / 469 = 8 filled.
    assertEquals("128/469 [=======>......................] - ETA: 7s - loss: 0.3817",
        ProgressLine.format(128, 469, Duration.ofMillis(2560), false, " - loss: 0.3817"));
    assertEquals("  5/100 [>.............................] - ETA: 1:35",
        ProgressLine.format(5, 100, Duration.ofSeconds(5), false, ""));
    assertEquals("0/3 [..............................]", ProgressLine.format(0, 3, Duration.ZERO, false, null));
  }

  @Test
  void unitsFollowKeras() {
    assertEquals("2s/step", ProgressLine.perStep(2.4));
    assertEquals("19ms/step", ProgressLine.perStep(0.019));
    assertEquals("250us/step", ProgressLine.perStep(0.00025));
    assertEquals("59s", ProgressLine.eta(59.4));
    assertEquals("1:01:05", ProgressLine.eta(3665));
    assertEquals("5.0000e-04", ProgressLine.value(0.0005));
    assertEquals("0.0123", ProgressLine.value(0.01234));
  }

  private static String fitOutput(int verbose) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    TinyData d = TinyData.of(40, 6, 3, 1);
    Sequential.of(dense(8, RELU).inputShape(6), dense(3, SOFTMAX)).compile("rmsprop", "categorical_crossentropy",
        "accuracy").fit(d.x, d.y, f -> f.epochs(2).batchSize(16).validationSplit(0.2).verbose(verbose).output(out));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void fitPrintsOneKerasLinePerEpoch() {
    String s = fitOutput(1);
    assertTrue(s.startsWith("Epoch 1/2\n"), s);
    assertTrue(s.contains("\nEpoch 2/2\n"), s);
    Pattern line = Pattern.compile("2/2 \\[={30}\\] - \\d+s \\d+(ms|us|s)/step - loss: \\d\\.\\d{4} - accuracy: "
        + "\\d\\.\\d{4} - val_loss: \\d\\.\\d{4} - val_accuracy: \\d\\.\\d{4}\n");
    assertEquals(2, line.matcher(s).results().count(), s);
  }

  @Test
  void verbosityTwoPrintsSummaryLinesAndZeroIsSilent() {
    String s = fitOutput(2);
    assertTrue(Pattern.compile("Epoch 1/2\n2/2 - \\d+s - loss: \\d\\.\\d{4} - accuracy: \\d\\.\\d{4} - val_loss")
        .matcher(s).find(), s);
    assertEquals("", fitOutput(0));
  }
}
