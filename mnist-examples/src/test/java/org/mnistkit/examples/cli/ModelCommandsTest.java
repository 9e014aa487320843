package org.mnistkit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistkit.core.data.Mnist;
import org.mnistkit.core.model.Classifier;
import org.mnistkit.core.model.FittedModel;
import org.mnistkit.core.model.Models;
import org.mnistkit.core.tensor.FloatMatrix;

class ModelCommandsTest {

  @TempDir Path dir;
  private final TinyMnist cli = new TinyMnist();

  private JsonNode json() throws IOException {
    String text = cli.out.toString().strip();
    assertEquals(1, text.lines().count(), text);
    return new ObjectMapper().readTree(text);
  }

  @Test
  void forestJsonHasTheDocumentedKeysAndConsistentCounts() throws IOException {
    TinyMnist.write(dir, 60, 20);
    Path out = dir.resolve("report");
    assertEquals(0, cli.run("forest", "--data-dir", dir.toString(), "--train-size", "40", "--trees", "10",
        "--importance", "gini", "--out", out.toString(), "--threads", "2", "--json"), cli.err.toString());
    JsonNode j = json();
    for (String key : List.of("train_size", "trees", "mtry", "fit_seconds", "predict_seconds", "accuracy",
        "oob_error", "confusion_matrix")) {
      assertTrue(j.has(key), key + " in " + j);
    }
    assertEquals(40, j.get("train_size").asInt());
    assertEquals(28, j.get("mtry").asInt());
    long total = 0;
    for (JsonNode row : j.get("confusion_matrix")) {
      for (JsonNode c : row) {
        total += c.asLong();
      }
    }
    assertEquals(20, total, "every test image is counted");
    double acc = j.get("accuracy").asDouble();
    assertTrue(acc >= 0 && acc <= 1, "accuracy " + acc);
    Path csv = Path.of(j.get("importance_file").asText());
    List<String> lines = Files.readAllLines(csv);
    assertEquals(28, lines.size());
    assertEquals(28, lines.get(0).split(",").length);
  }

  @Test
  void forestSavesAModelThatLoadsWithItsProvenanceAndExportsOnnx() throws IOException {
    TinyMnist.write(dir, 60, 20);
    Path model = dir.resolve("models/forest.mkrf");
    Path onnx = dir.resolve("models/forest.onnx");
    assertEquals(0, cli.run("forest", "--data-dir", dir.toString(), "--train-size", "40", "--trees", "10",
        "--seed", "7", "--threads", "2", "--save", model.toString(), "--export-onnx", onnx.toString(), "--json"),
        cli.err.toString());
    JsonNode j = json();
    assertEquals(model.toAbsolutePath().toString(), j.get("model_file").asText());
    assertEquals(onnx.toAbsolutePath().toString(), j.get("onnx_file").asText());
    FittedModel loaded = Models.load(model);
    Classifier forest = assertInstanceOf(Classifier.class, loaded);
    assertEquals(7, loaded.provenance().seed());
    assertEquals("10", loaded.provenance().settings().get("trees"));
    assertArrayEquals(new int[] {40, 784}, loaded.provenance().dataShape());
    // the saved forest predicts the test images as the command scored them
    FloatMatrix test = Mnist.load(dir).test().toScaledMatrix();
    int[] labels = Mnist.load(dir).test().labels();
    assertEquals(j.get("accuracy").asDouble(), forest.classificationReport(test, labels).accuracy(), 1e-12);
    assertTrue(Files.size(onnx) > 1000, "an ONNX graph with 10 trees");
  }

  @Test
  void anUnwritableModelFileFailsBeforeAnyWork() throws IOException {
    TinyMnist.write(dir, 60, 20);
    Path plain = Files.writeString(dir.resolve("plain"), "x");
    assertEquals(1, cli.run("nn", "--data-dir", dir.toString(), "--epochs", "50", "--export-onnx",
        plain.resolve("mlp.onnx").toString()));
    assertTrue(cli.err.toString().contains("--export-onnx " + plain.resolve("mlp.onnx") + " cannot be written: "),
        cli.err.toString());
    assertEquals(1, cli.run("forest", "--data-dir", dir.toString(), "--save", dir.toString()));
    assertTrue(cli.err.toString().contains("--save " + dir + " is a folder; give a file name"), cli.err.toString());
    assertEquals("x", Files.readString(plain));
  }

  @Test
  void forestRejectsATrainSizeOutOfRange() throws IOException {
    TinyMnist.write(dir, 10, 5);
    assertEquals(1, cli.run("forest", "--data-dir", dir.toString(), "--train-size", "11"));
    assertTrue(cli.err.toString().contains("--train-size must be in 2..10, got 11"), cli.err.toString());
  }

  @Test
  void badModelSettingsNameTheOption() throws IOException {
    TinyMnist.write(dir, 20, 5);
    String data = dir.toString();
    String[][] cases = {
        {"svd --components 0", "mnistkit: --components (nv) must be >= 1, got 0"},
        {"svd --components 0 --center", "mnistkit: --components (nComponents) must be >= 1, got 0"},
        {"umap --neighbors 1", "mnistkit: --neighbors (nNeighbors) must be >= 2, got 1"},
        {"forest --train-size 10 --node-size 0", "mnistkit: --node-size (nodeSize) must be >= 1, got 0"},
        {"nn --epochs 0", "mnistkit: --epochs (epochs) must be >= 1, got 0"},
    };
    for (String[] c : cases) {
      TinyMnist run = new TinyMnist();
      List<String> args = new java.util.ArrayList<>(List.of(c[0].split(" ")));
      args.addAll(List.of("--data-dir", data, "--out", dir.resolve("out").toString()));
      assertEquals(1, run.run(args.toArray(String[]::new)), c[0] + ": " + run.err);
      assertTrue(run.err.toString().contains(c[1]), c[0] + " printed: " + run.err);
    }
  }

  @Test
  void svdJsonGivesDescendingSingularValues() throws IOException {
    TinyMnist.write(dir, 50, 5);
    assertEquals(0, cli.run("svd", "--data-dir", dir.toString(), "--components", "5", "--train-size", "40",
        "--json"), cli.err.toString());
    JsonNode j = json();
    assertEquals(40, j.get("n").asInt());
    assertEquals(5, j.get("components").asInt());
    JsonNode sv = j.get("singular_values");
    assertEquals(5, sv.size());
    for (int i = 1; i < sv.size(); i++) {
      assertTrue(sv.get(i - 1).asDouble() >= sv.get(i).asDouble(), sv.toString());
    }
    assertTrue(j.get("matvecs").asInt() > 0);
    assertEquals(0, cli.run("svd", "--data-dir", dir.toString(), "--components", "3", "--center", "--train-size", "40",
        "--json"), cli.err.toString());
  }

  @Test
  void umapJsonGivesPurityTrustworthinessAndAPlot() throws IOException {
    TinyMnist.write(dir, 60, 5);
    Path out = dir.resolve("report");
    assertEquals(0, cli.run("umap", "--data-dir", dir.toString(), "--train-size", "60", "--pca", "10",
        "--out", out.toString(), "--json"), cli.err.toString());
    JsonNode j = json();
    assertEquals(60, j.get("n").asInt());
    for (String key : List.of("seconds", "knn15_purity", "trustworthiness")) {
      double v = j.get(key).asDouble();
      assertTrue(v >= 0 && (key.equals("seconds") || v <= 1), key + " = " + v);
    }
    assertTrue(Files.size(out.resolve("umap.png")) > 1000);
  }

  @Test
  void nnJsonHasTheDocumentedKeys() throws IOException {
    TinyMnist.write(dir, 64, 10);
    assertEquals(0, cli.run("nn", "--data-dir", dir.toString(), "--epochs", "1", "--batch-size", "16", "--quiet",
        "--json"), cli.err.toString());
    JsonNode j = json();
    assertEquals("mlp", j.get("model").asText());
    assertEquals(1, j.get("epochs").asInt());
    assertEquals(16, j.get("batch_size").asInt());
    assertEquals(64, j.get("train_size").asInt());
    assertTrue(j.get("fit_seconds").asDouble() > 0);
    assertTrue(j.get("test_loss").asDouble() > 0);
    double acc = j.get("accuracy").asDouble();
    assertTrue(acc >= 0 && acc <= 1, "accuracy " + acc);
  }
}
