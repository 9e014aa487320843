package org.mnistkit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistkit.core.testing.TestAssertions.assertClose;
import static org.mnistkit.nn.layers.Activation.RELU;
import static org.mnistkit.nn.layers.Activation.SOFTMAX;
import static org.mnistkit.nn.layers.Layers.dense;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistkit.core.data.LabeledImages;
import org.mnistkit.core.data.Mnist;
import org.mnistkit.core.data.MnistDataset;
import org.mnistkit.core.model.ClassificationReport;
import org.mnistkit.core.model.Classifier;
import org.mnistkit.core.model.FittedModel;
import org.mnistkit.core.model.Models;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.eda.quality.EmbeddingQuality;
import org.mnistkit.eda.umap.Umap;
import org.mnistkit.forest.RandomForest;
import org.mnistkit.forest.RandomForestModel;
import org.mnistkit.nn.Loss;
import org.mnistkit.nn.Metric;
import org.mnistkit.nn.Optimizer;
import org.mnistkit.nn.Sequential;

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
    // the out-of-bag matrix too, as arrays in the same [predicted][truth] orientation
    JsonNode oob = j.get("oob_confusion_matrix");
    assertEquals(10, oob.size());
    // The same seeded fit through the library (one thread: the forest does not depend on the count)
    // gives the same figures; the command adds nothing of its own to them.
    MnistDataset data = Mnist.load(dir);
    LabeledImages train = data.train().sample(40, 123);
    RandomForestModel direct = RandomForest.builder().trees(10).seed(123).threads(1).build()
        .fit(train.toScaledMatrix(), train.labels());
    ClassificationReport report = direct.classificationReport(data.test().toScaledMatrix(), data.test().labels());
    assertEquals(report.accuracy(), j.get("accuracy").asDouble(), 0);
    assertEquals(direct.oobError(), j.get("oob_error").asDouble(), 0);
    long[][] oobCounts = org.mnistkit.examples.walkthrough.ModelSummary.counts(direct.oobConfusionMatrix());
    for (int p = 0; p < 10; p++) {
      for (int t = 0; t < 10; t++) {
        assertEquals(oobCounts[p][t], j.get("oob_confusion_matrix").get(p).get(t).asLong(), p + ", " + t);
      }
    }
    // and the figures of that seeded run: the fixture's images repeat with the index, not the label,
    // so 14 of the 20 test images are right while no training image is right out of bag
    assertEquals(0.7, j.get("accuracy").asDouble(), 1e-12);
    assertEquals(1.0, j.get("oob_error").asDouble(), 1e-12);
    assertEquals("[[1,0,0,0,0,0,0,0,0,0],[0,2,0,0,0,0,0,0,0,0],[0,0,2,0,0,0,0,0,0,0],[1,0,0,2,0,1,0,0,0,0],"
        + "[0,0,0,0,0,0,0,0,0,0],[0,0,0,0,0,0,0,0,0,0],[0,0,0,0,0,1,1,0,0,0],[0,0,0,0,2,0,0,2,0,0],"
        + "[0,0,0,0,0,0,0,0,2,0],[0,0,0,0,0,0,1,0,0,2]]", j.get("confusion_matrix").toString());
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
  void badModelSettingsNameOnlyTheOptionAndItsRange() throws IOException {
    TinyMnist.write(dir, 20, 5);
    String data = dir.toString();
    String out = " --out " + dir.resolve("out");
    String[][] cases = {
        {"svd --components 0" + out, "mnistkit: --components must be >= 2 (the scatter shows the first two), got 0"},
        {"svd --components 1 --center" + out,
            "mnistkit: --components must be >= 2 (the scatter shows the first two), got 1"},
        {"svd --components 25" + out, "mnistkit: --components must be < min(rows, cols) = 20 for a 20 x 784 matrix, "
            + "got 25"},
        {"umap --neighbors 1" + out, "mnistkit: --neighbors must be >= 2, got 1"},
        {"forest --train-size 10 --node-size 0", "mnistkit: --node-size must be >= 1, got 0"},
        {"nn --epochs 0", "mnistkit: --epochs must be >= 1, got 0"},
        {"nn --batch-size 0", "mnistkit: --batch-size must be >= 1, got 0"},
    };
    for (String[] c : cases) {
      TinyMnist run = new TinyMnist();
      List<String> args = new java.util.ArrayList<>(List.of(c[0].split(" ")));
      args.addAll(List.of("--data-dir", data));
      assertEquals(1, run.run(args.toArray(String[]::new)), c[0] + ": " + run.err);
      String err = run.err.toString().strip();
      assertTrue(err.startsWith(c[1]), c[0] + " printed: " + err);
      // no library name anywhere, in parentheses or not
      for (String internal : List.of("(nv", "nv ", "nComponents", "nNeighbors", "nodeSize", "batchSize", "epochs (")) {
        assertFalse(err.contains(internal), c[0] + " printed " + internal + ": " + err);
      }
    }
  }

  @Test
  void svdJsonGivesDescendingSingularValues() throws IOException {
    TinyMnist.write(dir, 50, 5);
    Path out = dir.resolve("report");
    assertEquals(0, cli.run("svd", "--data-dir", dir.toString(), "--components", "5", "--train-size", "40",
        "--out", out.toString(), "--json"), cli.err.toString());
    JsonNode j = json();
    assertEquals(40, j.get("n").asInt());
    assertEquals(5, j.get("components").asInt());
    JsonNode sv = j.get("singular_values");
    assertEquals(5, sv.size());
    for (int i = 1; i < sv.size(); i++) {
      assertTrue(sv.get(i - 1).asDouble() >= sv.get(i).asDouble(), sv.toString());
    }
    assertTrue(j.get("matvecs").asInt() > 0);
    // svd honours --out: the scatter of the first two coordinates is written there
    assertEquals(out.resolve("svd.png").toAbsolutePath().toString(), j.get("png").asText());
    assertTrue(Files.size(out.resolve("svd.png")) > 1000);
    double purity = j.get("knn15_purity").asDouble();
    assertTrue(purity >= 0 && purity <= 1, "purity " + purity);
    // the full SVD of the same 40 x 784 matrix by commons-math agrees to 1e-6 relative
    double[][] x = scaledRows(Mnist.load(dir).train().head(40).toScaledMatrix());
    assertClose(values(sv), leading(x, 5), 1e-6, 0);
    assertEquals(0, cli.run("svd", "--data-dir", dir.toString(), "--components", "3", "--center", "--train-size", "40",
        "--out", out.toString(), "--json"), cli.err.toString());
    JsonNode centred = new ObjectMapper().readTree(cli.out.toString().strip().lines().reduce((a, b) -> b).orElseThrow());
    assertTrue(centred.get("centered").asBoolean());
    assertEquals(3, centred.get("singular_values").size());
    // PCA: the SVD of the column-centred matrix (prcomp's sdev * sqrt(n - 1))
    for (int c = 0; c < x[0].length; c++) {
      double mean = 0;
      for (double[] row : x) {
        mean += row[c] / x.length;
      }
      for (double[] row : x) {
        row[c] -= mean;
      }
    }
    assertClose(values(centred.get("singular_values")), leading(x, 3), 1e-6, 0);
  }

  private static double[][] scaledRows(FloatMatrix m) {
    double[][] out = new double[m.rows()][m.cols()];
    for (int r = 0; r < m.rows(); r++) {
      for (int c = 0; c < m.cols(); c++) {
        out[r][c] = m.get(r, c);
      }
    }
    return out;
  }

  private static double[] leading(double[][] x, int k) {
    double[] all = new SingularValueDecomposition(new Array2DRowRealMatrix(x, false)).getSingularValues();
    return java.util.Arrays.copyOf(all, k);
  }

  private static double[] values(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asDouble();
    }
    return out;
  }

  @Test
  void umapJsonGivesPurityTrustworthinessAndAPlot() throws IOException {
    TinyMnist.write(dir, 60, 5);
    Path out = dir.resolve("report");
    assertEquals(0, cli.run("umap", "--data-dir", dir.toString(), "--train-size", "60", "--pca", "10",
        "--out", out.toString(), "--json"), cli.err.toString());
    JsonNode j = json();
    assertEquals(60, j.get("n").asInt());
    assertTrue(j.get("seconds").asDouble() > 0);
    // The same seeded UMAP through the library, judged as the command judges it, gives the same figures.
    FloatMatrix x = Mnist.load(dir).train().head(60).toScaledMatrix();
    int[] labels = Mnist.load(dir).train().head(60).labels();
    FloatMatrix embedding = Umap.builder().nNeighbors(15).minDist(0.001).pca(10).seed(123).threads(1).sgdThreads(1)
        .build().fit(x).embedding();
    assertEquals(EmbeddingQuality.knnPurity(embedding, labels), j.get("knn15_purity").asDouble(), 0);
    assertEquals(EmbeddingQuality.trustworthiness(x, embedding, 15, 2000, 123), j.get("trustworthiness").asDouble(), 0);
    // and the figures of that seeded run: a fixture image's nearest images have other labels
    // (image i + 33 is image i shifted by one grey level), so purity is 0 and trustworthiness high
    assertEquals(0.0, j.get("knn15_purity").asDouble(), 0);
    assertClose(j.get("trustworthiness").asDouble(), 0.9986786786786787, 1e-9, 0);
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
    // The FLOP floor: 818,176 multiply-adds per image (406,528 forward, 411,648 backward), 2 FLOP each.
    if (j.get("peak_gflops").isNull()) {
      assertTrue(j.get("flop_floor_seconds").isNull());
    } else {
      double floor = 2.0 * 818_176 * 64 / (j.get("peak_gflops").asDouble() * 1e9);
      assertClose(j.get("flop_floor_seconds").asDouble(), floor, 1e-9, 0);
      assertClose(j.get("flop_floor_share").asDouble(), floor / j.get("fit_seconds").asDouble(), 1e-9, 0);
    }
    // The same seeded network through the library: 784-512 relu-10 softmax, rmsprop, one epoch.
    MnistDataset data = Mnist.load(dir);
    Sequential net = Sequential.of(dense(512, RELU).inputShape(784), dense(10, SOFTMAX)).seed(123)
        .compile(Optimizer.rmsprop(), Loss.CATEGORICAL_CROSSENTROPY, Metric.ACCURACY);
    net.fit(data.train().toScaledMatrix(), data.train().toCategorical(), fit -> fit.epochs(1).batchSize(16).seed(123)
        .verbose(0));
    FloatMatrix testX = data.test().toScaledMatrix();
    assertClose(j.get("test_loss").asDouble(), net.evaluate(testX, data.test().toCategorical()).get("loss"), 1e-6, 0);
    assertEquals(net.classificationReport(testX, data.test().labels()).accuracy(), j.get("accuracy").asDouble(), 0);
    // and the figures of that seeded run (3 of the 10 test images right after one epoch)
    assertEquals(0.3, j.get("accuracy").asDouble(), 1e-12);
    assertClose(j.get("test_loss").asDouble(), 2.511708685976758, 1e-4, 0);
  }
}
