package org.mnistkit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistkit.core.idx.IdxArray;
import org.mnistkit.core.testing.IdxFixtures;
import org.mnistkit.core.testing.OwnDataFixtures;

/** The commands on the user's own data: the same numbers from the same data as IDX and as CSV. */
class OwnDataCommandTest {

  @TempDir Path dir;

  private static final IdxArray TRAIN_X = IdxFixtures.images(60, 28, 28);
  private static final IdxArray TRAIN_Y = IdxFixtures.labels(60, 10);
  private static final IdxArray TEST_X = IdxFixtures.images(20, 28, 28);
  private static final IdxArray TEST_Y = IdxFixtures.labels(20, 10);

  private static JsonNode run(String... args) throws IOException {
    TinyMnist cli = new TinyMnist();
    assertEquals(0, cli.run(args), cli.err.toString());
    return new ObjectMapper().readTree(cli.out.toString().strip());
  }

  private static String[] args(String command, Path data, String... more) {
    List<String> a = new ArrayList<>(List.of(command, "--data-dir", data.toString(), "--json", "--quiet",
        "--threads", "1", "--seed", "5"));
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }

  @Test
  void svdAndForestGiveIdenticalNumbersOnIdxAndCsvFormsOfTheSameData() throws IOException {
    Path idx = OwnDataFixtures.writeIdx(dir.resolve("idx"), TRAIN_X, TRAIN_Y, TEST_X, TEST_Y);
    Path csv = OwnDataFixtures.writeCsv(dir.resolve("csv"), TRAIN_X, TRAIN_Y, TEST_X, TEST_Y);
    String out = dir.resolve("out").toString();
    JsonNode svdIdx = run(args("svd", idx, "--components", "4", "--format", "idx", "--out", out));
    JsonNode svdCsv = run(args("svd", csv, "--components", "4", "--out", out)); // format detected
    assertEquals(svdIdx.get("singular_values"), svdCsv.get("singular_values"));
    assertEquals(svdIdx.get("matvecs"), svdCsv.get("matvecs"));
    assertEquals(4, svdCsv.get("singular_values").size());
    assertTrue(svdCsv.get("singular_values").get(0).asDouble() > 0);

    String[] forest = {"--train-size", "40", "--trees", "8"};
    JsonNode fIdx = run(args("forest", idx, forest));
    JsonNode fCsv = run(args("forest", csv, forest));
    assertEquals(fIdx.get("accuracy"), fCsv.get("accuracy"));
    assertEquals(fIdx.get("oob_error"), fCsv.get("oob_error"));
    assertEquals(fIdx.get("confusion_matrix"), fCsv.get("confusion_matrix"));
    assertEquals(10, fCsv.get("confusion_matrix").size());
  }

  @Test
  void dataNamesTheSourceAndAKaggleTestFileWithoutLabelsStopsScoringCommandsBeforeTheFit() throws IOException {
    Path kaggle = dir.resolve("kaggle");
    OwnDataFixtures.writeCsv(kaggle.resolve("train.csv"), TRAIN_X, TRAIN_Y, true, OwnDataFixtures.Label.FIRST);
    OwnDataFixtures.writeCsv(kaggle.resolve("test.csv"), TEST_X, null, true, OwnDataFixtures.Label.NONE);
    JsonNode data = run(args("data", kaggle));
    assertEquals("kaggle", data.get("dataset").asText());
    assertEquals("folder " + kaggle + " (csv)", data.get("source").asText());
    assertEquals("[20,28,28]", data.get("test").toString());
    assertEquals(false, data.get("test_labels").asBoolean());
    // SVD needs no test labels
    assertEquals(3, run(args("svd", kaggle, "--components", "3", "--out", dir.resolve("out").toString()))
        .get("singular_values").size());

    TinyMnist cli = new TinyMnist();
    assertEquals(1, cli.run(args("forest", kaggle, "--trees", "2")));
    assertEquals("mnistkit: forest scores its model on the test split, but the test images of folder " + kaggle
        + " (csv) have no labels (a test file without a label column, such as Kaggle's test.csv); give a labelled "
        + "test split, or predict those images through the library", cli.err.toString().strip());
    assertEquals("", cli.out.toString());
  }

  @Test
  void pngFoldersAndNamedDatasetsAndOptionErrors() throws IOException {
    Path png = dir.resolve("png");
    List<String> names = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    OwnDataFixtures.writePngSplit(png.resolve("train"), TRAIN_X, TRAIN_Y, names);
    OwnDataFixtures.writePngSplit(png.resolve("test"), TEST_X, TEST_Y, names);
    JsonNode data = run(args("data", png, "--format", "png-folder", "--invert", "never", "--dataset", "fashion"));
    assertEquals("fashion-mnist", data.get("dataset").asText());
    assertEquals("folder " + png + " (png-folder)", data.get("source").asText());
    assertEquals("[60,28,28]", data.get("train").toString());

    TinyMnist cli = new TinyMnist();
    assertEquals(1, cli.run("data", "--format", "csv"));
    assertEquals("mnistkit: --format applies to --data-dir, which is not given", cli.err.toString().strip());
    TinyMnist bad = new TinyMnist();
    assertEquals(1, bad.run("data", "--data-dir", png.toString(), "--format", "jpeg"));
    assertEquals("mnistkit: unknown data format 'jpeg'; expected idx, csv or png-folder", bad.err.toString().strip());
  }
}
