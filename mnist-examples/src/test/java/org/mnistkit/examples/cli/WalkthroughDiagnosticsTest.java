package org.mnistkit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistkit.core.metrics.WilsonInterval;

/**
 * The walkthrough's diagnostics end to end on a tiny dataset: both models' heat maps and digits in
 * the report, the Wilson interval and per-class scores in --json, and --forest-train-size.
 */
class WalkthroughDiagnosticsTest {

  @TempDir Path dir;

  @Test
  void bothModelsAreDiagnosedInTheReportAndTheJson() throws IOException {
    Path data = TinyMnist.write(Files.createDirectories(dir.resolve("data")), 60, 20);
    Path out = dir.resolve("report");
    TinyMnist cli = new TinyMnist();
    assertEquals(0, cli.run("walkthrough", "--data-dir", data.toString(), "--quick", "--train-size", "40",
        "--forest-train-size", "30", "--epochs", "1", "--trees", "5", "--threads", "1", "--quiet", "--json",
        "--out", out.toString()), cli.err.toString());
    JsonNode j = new ObjectMapper().readTree(cli.out.toString());
    assertEquals(30, j.at("/settings/sizes/forest_train_rows").asInt());
    JsonNode network = j.get("comparison").get(0);
    JsonNode forest = j.get("comparison").get(1);
    assertEquals(40, network.get("training_rows").asInt());
    assertEquals(30, forest.get("training_rows").asInt());
    for (JsonNode m : j.get("comparison")) {
      JsonNode ci = m.get("accuracy_wilson95");
      long right = 0;
      for (int c = 0; c < 10; c++) {
        right += m.at("/confusion_matrix/" + c + "/" + c).asLong();
      }
      WilsonInterval expected = WilsonInterval.of95(right, 20);
      assertEquals(expected.lower(), ci.get(0).asDouble(), 0, m.toString());
      assertEquals(expected.upper(), ci.get(1).asDouble(), 0, m.toString());
      JsonNode perClass = m.get("per_class");
      for (String key : new String[] {"precision", "recall", "f1", "support"}) {
        assertTrue(perClass.get(key).isArray() && perClass.get(key).size() == 10, key + " " + perClass);
      }
      long support = 0;
      for (JsonNode s : perClass.get("support")) {
        support += s.asLong();
      }
      assertEquals(20, support);
      assertEquals("7", perClass.at("/classes/7").asText());
    }
    String html = Files.readString(out.resolve("index.html"));
    assertTrue(html.contains("Every model was tested on the same 20 test images; the interval is the 95% Wilson "
        + "score interval of the accuracy. The random forest saw 30 training images sampled with seed 123 (the R "
        + "walkthrough samples 3000), while the dense network saw 40"), html);
    assertTrue(html.contains("(--forest-train-size 40 gives the forest as many)."), html);
    for (String model : new String[] {"dense-network", "random-forest"}) {
      assertEquals(100, count(html, "<td class=\"cm-cell\" data-model=\"" + model + "\""), model);
      assertEquals(100, count(html, "<td class=\"cm-share\" data-model=\"" + model + "\""), model);
      assertTrue(html.contains("<div class=\"gallery mistakes\" data-of=\"" + model + "\">")
          || html.contains("0 of 20 test images are misclassified"), model);
    }
    assertTrue(html.contains("<div id=\"cell-digits\" hidden"), "the panel for a clicked cell");
    assertTrue(html.contains("Right by the dense network, wrong by the random forest"), "the disagreements");
    assertTrue(html.contains("<table class=\"per-class\">"), "the per-class table");
    assertTrue(html.contains("95% CI (Wilson)"), "the interval column");
    // the page carries the style of its galleries and heat maps (a merge once dropped it: one digit per line)
    assertTrue(html.contains("figure.digit{display:inline-block") && html.contains(".cm-pair{display:flex"), html);
    assertTrue(html.contains("@media print{") && html.contains(".embedding-figure,#cell-digits{display:none}"),
        "printed, the page shows the PNGs, not the interactive views");
    // every digit the page names is a file in the report folder
    var src = Pattern.compile("(digits/test-\\d{5}\\.png)").matcher(html);
    int named = 0;
    while (src.find()) {
      assertTrue(Files.isRegularFile(out.resolve(src.group(1))), src.group(1));
      named++;
    }
    assertTrue(named >= 20, "each of the 20 test images lies in a cell of each model: " + named);
  }

  @Test
  void forestTrainSizeIsValidatedNamingTheOption() throws IOException {
    Path data = TinyMnist.write(Files.createDirectories(dir.resolve("data")), 30, 10);
    String[][] cases = {
        {"1", null, "mnistkit: --forest-train-size must be >= 2, got 1"},
        {"31", null, "mnistkit: --forest-train-size must be in 2..30 (the training images), got 31"},
        {"21", "20", "mnistkit: --forest-train-size must be <= --train-size (20), as the forest samples from "
            + "those images, got 21"},
    };
    for (String[] c : cases) {
      TinyMnist cli = new TinyMnist();
      String[] args = c[1] == null
          ? new String[] {"walkthrough", "--data-dir", data.toString(), "--quiet", "--out",
              dir.resolve("report").toString(), "--forest-train-size", c[0]}
          : new String[] {"walkthrough", "--data-dir", data.toString(), "--quiet", "--out",
              dir.resolve("report").toString(), "--forest-train-size", c[0], "--train-size", c[1]};
      assertEquals(1, cli.run(args), c[0]);
      assertEquals(c[2], cli.err.toString().strip(), c[0]);
    }
  }

  private static int count(String s, String part) {
    return s.split(Pattern.quote(part), -1).length - 1;
  }
}
