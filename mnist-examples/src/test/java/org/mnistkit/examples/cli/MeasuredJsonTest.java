package org.mnistkit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the benchmarks read from --json besides the results: {@code peak_heap_mib} on the commands
 * that fit, {@code epoch_seconds} on {@code nn}, and {@code --train-size} on {@code umap} and
 * {@code svd} (benchmarks/scaling.py runs each step on the first n rows).
 */
class MeasuredJsonTest {

  @TempDir Path dir;

  private static JsonNode lastJson(TinyMnist cli) throws IOException {
    String text = cli.out.toString().strip();
    assertEquals(1, text.lines().count(), text);
    return new ObjectMapper().readTree(text);
  }

  /** The sum of the heap pools' maximum sizes in MiB, or infinity when one has no maximum. */
  private static double heapPoolsMaxMib() {
    double mib = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        long max = pool.getUsage().getMax();
        mib += max < 0 ? Double.POSITIVE_INFINITY : max / (1024.0 * 1024.0);
      }
    }
    return mib;
  }

  @Test
  void peakHeapCountsAnArrayThatIsStillReachable() {
    byte[] block = new byte[48 << 20]; // 48 MiB, reachable until the assertion
    block[block.length - 1] = 1;
    double mib = PeakHeap.mib();
    assertTrue(mib >= 48, "peak " + mib + " MiB while a 48 MiB array is live");
    assertTrue(mib <= heapPoolsMaxMib(), "peak " + mib + " MiB above the pools' maxima");
    assertEquals(1, block[block.length - 1]);
    // peaks only grow: a later reading is never below an earlier one
    assertTrue(PeakHeap.mib() >= mib);
  }

  @Test
  void printWithPeakHeapAddsTheKeyLastAndKeepsTheRecordsKeys() throws IOException {
    record Figures(int trainSize, double fitSeconds) {}
    StringWriter text = new StringWriter();
    double before = PeakHeap.mib();
    JsonOutput.printWithPeakHeap(new Figures(40, 1.5), new PrintWriter(text));
    JsonNode j = new ObjectMapper().readTree(text.toString());
    assertEquals(List.of("train_size", "fit_seconds", "peak_heap_mib"), keys(j));
    assertEquals(40, j.get("train_size").asInt());
    assertEquals(1.5, j.get("fit_seconds").asDouble(), 0);
    assertTrue(j.get("peak_heap_mib").asDouble() >= before, j.toString());
  }

  private static List<String> keys(JsonNode j) {
    List<String> names = new java.util.ArrayList<>();
    j.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void everyFittingCommandReportsItsPeakHeap() throws IOException {
    TinyMnist.write(dir, 60, 10);
    String data = dir.toString();
    String out = dir.resolve("out").toString();
    String[][] runs = {
        {"forest", "--data-dir", data, "--train-size", "40", "--trees", "5", "--threads", "1", "--json"},
        {"svd", "--data-dir", data, "--train-size", "40", "--components", "3", "--out", out, "--json"},
        {"umap", "--data-dir", data, "--train-size", "40", "--pca", "5", "--out", out, "--json"},
        {"nn", "--data-dir", data, "--train-size", "32", "--epochs", "1", "--batch-size", "16", "--quiet", "--json"},
    };
    for (String[] args : runs) {
      TinyMnist cli = new TinyMnist();
      assertEquals(0, cli.run(args), args[0] + ": " + cli.err);
      double mib = lastJson(cli).get("peak_heap_mib").asDouble();
      assertTrue(mib > 0 && mib <= heapPoolsMaxMib(), args[0] + ": peak_heap_mib " + mib);
    }
  }

  @Test
  void nnGivesOneTimePerEpochThatAddUpToAtMostTheFit() throws IOException {
    TinyMnist.write(dir, 48, 10);
    TinyMnist cli = new TinyMnist();
    assertEquals(0, cli.run("nn", "--data-dir", dir.toString(), "--epochs", "3", "--batch-size", "16", "--quiet",
        "--json"), cli.err.toString());
    JsonNode j = lastJson(cli);
    JsonNode epochs = j.get("epoch_seconds");
    assertEquals(3, epochs.size(), j.toString());
    double sum = 0;
    for (JsonNode e : epochs) {
      assertTrue(e.asDouble() > 0, j.toString());
      sum += e.asDouble();
    }
    assertTrue(sum <= j.get("fit_seconds").asDouble(), "epochs " + sum + " s, fit " + j.get("fit_seconds"));
  }

  @Test
  void nnTrainsEachModelsDefaultEpochsWithoutEpochs() throws IOException {
    TinyMnist.write(dir, 16, 4);
    for (String[] c : new String[][] {{"mlp", "5"}, {"cnn", "12"}}) {
      TinyMnist cli = new TinyMnist();
      assertEquals(0, cli.run("nn", "--data-dir", dir.toString(), "--model", c[0], "--batch-size", "16", "--quiet",
          "--json"), cli.err.toString());
      JsonNode j = lastJson(cli);
      assertEquals(Integer.parseInt(c[1]), j.get("epochs").asInt(), c[0] + ": " + j);
      assertEquals(Integer.parseInt(c[1]), j.get("epoch_seconds").size(), c[0] + ": " + j);
    }
  }

  @Test
  void umapAndSvdRejectATrainSizeOutOfRangeNamingTheRange() throws IOException {
    TinyMnist.write(dir, 10, 5);
    String out = dir.resolve("out").toString();
    String[][] cases = {
        {"umap", "11", "mnistkit: --train-size must be in 3..10, got 11"},
        {"umap", "2", "mnistkit: --train-size must be in 3..10, got 2"},
        {"svd", "11", "mnistkit: --train-size must be in 2..10, got 11"},
        {"svd", "1", "mnistkit: --train-size must be in 2..10, got 1"},
    };
    for (String[] c : cases) {
      TinyMnist cli = new TinyMnist();
      assertEquals(1, cli.run(c[0], "--data-dir", dir.toString(), "--train-size", c[1], "--out", out),
          c[0] + " " + c[1]);
      assertEquals(c[2], cli.err.toString().strip().lines().findFirst().orElse(""), c[0] + " " + c[1]);
    }
  }
}
