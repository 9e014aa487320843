package org.mnistkit.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The download line is drawn at the first bytes on a terminal, and only at the end elsewhere. */
class DownloadProgressTest {

  @Test
  void interactiveLineIsDrawnAtOnceOtherwiseOnlyTheFinalLine() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    try (DownloadProgress p = new DownloadProgress("train-labels-idx1-ubyte", 2 << 20, out, true)) {
      p.stepBy(1 << 20);
      // a last-draw time of Long.MIN_VALUE made now - last overflow, and nothing was drawn before the end
      assertTrue(bytes.toString(StandardCharsets.UTF_8).startsWith("\rtrain-labels-idx1-ubyte  50% 1.0/2.0 MiB"),
          bytes.toString(StandardCharsets.UTF_8));
    }
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    try (DownloadProgress p = new DownloadProgress("x", 2 << 20, new PrintStream(plain, true, StandardCharsets.UTF_8),
        false)) {
      p.stepBy(1 << 20);
      assertEquals(0, plain.size(), "not a terminal: no redrawn line");
    }
    assertTrue(plain.toString(StandardCharsets.UTF_8).startsWith("x  50% 1.0/2.0 MiB"), plain.toString(StandardCharsets.UTF_8));
  }
}
