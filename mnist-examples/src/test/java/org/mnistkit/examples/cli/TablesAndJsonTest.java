package org.mnistkit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One confusion-matrix orientation in every printed table, JSON matrices as arrays of numbers at
 * full precision, and the walkthrough's --train-size, --epochs and --trees.
 */
class TablesAndJsonTest {

  @TempDir Path dir;

  @Test
  void forestPrintsBothMatricesWithPredictionsAsRowsAndSaysSo() throws IOException {
    TinyMnist.write(dir, 60, 20);
    TinyMnist cli = new TinyMnist();
    assertEquals(0, cli.run("forest", "--data-dir", dir.toString(), "--train-size", "40", "--trees", "10",
        "--threads", "1", "--quiet"), cli.err.toString());
    String text = cli.out.toString();
    assertFalse(text.contains("Confusion matrix:"), "randomForest's truth-as-rows table is gone: " + text);
    for (String caption : List.of("OOB confusion matrix (rows: prediction, columns: truth):",
        "test confusion matrix (rows: prediction, columns: truth):")) {
      int at = text.indexOf(caption);
      assertTrue(at >= 0, caption + " in " + text);
      List<String> lines = text.substring(at).lines().skip(1).limit(2).toList();
      assertEquals("Truth", lines.get(0).strip(), caption + ": " + lines);
      assertTrue(lines.get(1).startsWith("Prediction"), caption + ": " + lines);
    }
  }

  @Test
  void jsonNumbersKeepFullPrecision() {
    assertEquals("{\"a_value\":0.12345678901234568,\"matrix\":[[1,2],[3,4]]}",
        JsonOutput.toJson(new Sample(0.12345678901234568, new long[][] {{1, 2}, {3, 4}})));
  }

  record Sample(double aValue, long[][] matrix) {}

  @Test
  void numbersJsonCannotHoldAreNullNotTheStringNaN() {
    assertEquals("{\"accuracy\":null,\"boxed\":null,\"share\":null,\"seconds\":1.5,\"precision\":[0.25,null,1.0]}",
        JsonOutput.toJson(new Unmeasured(Double.NaN, Double.POSITIVE_INFINITY, Float.NaN, 1.5,
            new double[] {0.25, Double.NaN, 1.0})));
  }

  record Unmeasured(double accuracy, Double boxed, float share, double seconds, double[] precision) {}

  @Test
  void umapRefusesANegativePcaNamingTheOption() throws IOException {
    Path data = TinyMnist.write(Files.createDirectories(dir.resolve("data")), 30, 10);
    TinyMnist cli = new TinyMnist();
    assertEquals(1, cli.run("umap", "--data-dir", data.toString(), "--quiet", "--out",
        dir.resolve("report").toString(), "--pca", "-1"));
    assertEquals("mnistkit: --pca must be >= 0 (0 for no PCA), got -1", cli.err.toString().strip());
  }

  @Test
  void walkthroughTakesTrainSizeEpochsAndTreesAndItsJsonHasArraysAndFullNumbers() throws IOException {
    Path data = TinyMnist.write(Files.createDirectories(dir.resolve("data")), 60, 20);
    Path out = dir.resolve("report");
    TinyMnist cli = new TinyMnist();
    assertEquals(0, cli.run("walkthrough", "--data-dir", data.toString(), "--quick", "--train-size", "40",
        "--epochs", "1", "--trees", "5", "--threads", "1", "--quiet", "--json", "--out", out.toString()),
        cli.err.toString());
    String text = cli.out.toString().strip();
    assertEquals(1, text.lines().count(), text);
    JsonNode j = new ObjectMapper().readTree(text);
    JsonNode sizes = j.at("/settings/sizes");
    assertEquals(Map.of("svd_rows", 40, "umap_rows", 40, "nn_train_rows", 40, "nn_epochs", 1,
        "forest_train_rows", 40, "forest_trees", 5, "test_rows", 2000), new ObjectMapper().convertValue(sizes,
        Map.class));
    assertEquals(40, j.at("/svd/n").asInt());
    assertEquals(40, j.at("/umap/n").asInt());
    assertEquals(1, j.at("/network/epochs").asInt());
    assertEquals(5, j.at("/forest/trees").asInt());
    assertEquals(2, j.get("comparison").size());
    for (JsonNode model : j.get("comparison")) {
      JsonNode cm = model.get("confusion_matrix");
      assertTrue(cm.isArray() && cm.size() == 10, model.toString());
      long total = 0;
      for (JsonNode row : cm) {
        assertTrue(row.isArray() && row.size() == 10, row.toString());
        for (JsonNode cell : row) {
          assertTrue(cell.isIntegralNumber(), cell.toString());
          total += cell.asLong();
        }
      }
      assertEquals(20, total, "every test image counted");
      assertFalse(model.has("confusion_table"), "no text block");
      assertEquals(40, model.get("training_rows").asInt());
    }
    // a loss is never a round number: it is printed as Java holds it, not to 4 places
    String loss = j.at("/network/test_loss").asText();
    assertTrue(loss.length() > 8, loss);
    assertEquals(j.at("/network/test_loss").asDouble(), Double.parseDouble(loss), 0);
  }

  @Test
  void walkthroughRejectsBadSizesNamingTheOption() throws IOException {
    Path data = TinyMnist.write(Files.createDirectories(dir.resolve("data")), 30, 10);
    String[][] cases = {
        {"--train-size", "15", "mnistkit: --train-size must be >= 16 (UMAP's 15 neighbours and the point), got 15"},
        {"--train-size", "31", "mnistkit: --train-size must be in 16..30, got 31"},
        {"--epochs", "0", "mnistkit: --epochs must be >= 1, got 0"},
        {"--trees", "0", "mnistkit: --trees must be >= 1, got 0"},
    };
    for (String[] c : cases) {
      TinyMnist cli = new TinyMnist();
      assertEquals(1, cli.run("walkthrough", "--data-dir", data.toString(), "--quiet", "--out",
          dir.resolve("report").toString(), c[0], c[1]), c[0]);
      assertEquals(c[2], cli.err.toString().strip(), c[0] + " " + c[1]);
    }
  }
}
