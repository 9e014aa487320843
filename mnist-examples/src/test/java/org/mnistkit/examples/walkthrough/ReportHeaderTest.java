package org.mnistkit.examples.walkthrough;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The pieces of the report's header that do not need a run: CPU model, command line, progress line. */
class ReportHeaderTest {

  @Test
  void cpuModelComesFromProcCpuinfoElseTheArchitecture() {
    List<String> x86 = List.of("processor\t: 0", "vendor_id\t: GenuineIntel",
        "model\t\t: 85", "model name\t: Intel(R) Xeon(R) Platinum 8259CL CPU @ 2.50GHz", "processor\t: 1");
    assertEquals("Intel(R) Xeon(R) Platinum 8259CL CPU @ 2.50GHz", WalkthroughResult.Machine.cpuModel(x86, "amd64"));
    List<String> arm = List.of("processor\t: 0", "BogoMIPS\t: 108.00", "Model\t\t: Raspberry Pi 4 Model B Rev 1.4");
    assertEquals("Raspberry Pi 4 Model B Rev 1.4", WalkthroughResult.Machine.cpuModel(arm, "aarch64"));
    assertEquals("aarch64", WalkthroughResult.Machine.cpuModel(List.of("processor\t: 0", "model name\t:"), "aarch64"));
    assertEquals("amd64", WalkthroughResult.Machine.cpuModel(List.of(), "amd64"));
  }

  @Test
  void theCommandLineIsShownAsTypedWithShellQuotes() {
    assertEquals("mnistkit walkthrough --quick --out 'my report' --skip umap,nn",
        HtmlReport.commandLine(List.of("mnistkit", "walkthrough", "--quick", "--out", "my report", "--skip", "umap,nn")));
    assertEquals("mnistkit --out 'it'\\''s' ''", HtmlReport.commandLine(List.of("mnistkit", "--out", "it's", "")));
  }

  @Test
  void progressLinesShowABarWhenTheTotalIsKnown() {
    assertEquals("forest [========>...........] 230/500 trees  12.4 s",
        ConsoleProgress.line("forest", 230, 500, "trees", 12.44));
    assertEquals("forest [====================] 500/500 trees  20.0 s",
        ConsoleProgress.line("forest", 500, 500, "trees", 20));
    assertEquals("forest [....................]   0/500 trees  0.0 s",
        ConsoleProgress.line("forest", 0, 500, "trees", 0));
    assertEquals("SVD 3 restarts  1.5 s", ConsoleProgress.line("SVD", 3, -1, "restarts", 1.5));
  }

  @Test
  void theFirstUpdateIsDrawnAtOnceAndCloseEndsTheLine() {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    java.io.PrintStream err = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8);
    try (ConsoleProgress p = new ConsoleProgress("forest", "trees", err)) {
      p.update(1, 500);
      // drawn at once (a last-draw time of Long.MIN_VALUE overflowed and never drew)
      assertTrue(bytes.toString(java.nio.charset.StandardCharsets.UTF_8).startsWith("\rforest [....................]   1/500 trees"),
          bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
      p.update(500, 500);
    }
    String text = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(text.contains("\rforest [====================] 500/500 trees") && text.endsWith(System.lineSeparator()), text);
  }
}
