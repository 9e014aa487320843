package org.mnistkit.forest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistkit.core.concurrent.Workers;
import org.mnistkit.core.model.Models;
import org.mnistkit.core.model.Provenance;
import org.mnistkit.core.tensor.FloatMatrix;

/**
 * The version-1 forest checked in under {@code v1/} (written by the release before the shared
 * framing, see docs/v1-fixtures: 7 trees, seed 11, threads 1, 60 x 8 training rows, 3 classes)
 * still loads and gives the probabilities it gave when it was saved.
 */
class ForestVersion1Test {

  @TempDir
  Path dir;

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(ForestVersion1Test.class.getResource("v1/" + name).toURI());
  }

  /** Rows of Float.toString values separated by spaces, one row per line. */
  private static FloatMatrix readRows(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
    int cols = lines.get(0).trim().split(" ").length;
    float[] data = new float[lines.size() * cols];
    for (int i = 0; i < lines.size(); i++) {
      String[] cells = lines.get(i).trim().split(" ");
      assertEquals(cols, cells.length, file + " line " + (i + 1));
      for (int j = 0; j < cols; j++) {
        data[i * cols + j] = Float.parseFloat(cells[j]);
      }
    }
    return FloatMatrix.wrap(lines.size(), cols, data);
  }

  @Test
  void theVersionOneForestLoadsAndGivesTheSameProbabilities() throws Exception {
    RandomForestModel model = RandomForestModel.load(resource("forest-v1.mkrf"));
    FloatMatrix probe = readRows(resource("probe.txt"));
    FloatMatrix expected = readRows(resource("forest-v1.proba.txt"));
    assertArrayEquals(new int[] {12, 3}, expected.shape());
    assertArrayEquals(expected.data(), model.predictProba(probe, 2).data());
    assertArrayEquals(new int[] {0, 1, 2}, model.classes());
    assertEquals(7, model.numTrees());
    assertEquals(8, model.numFeatures());
    assertEquals(60, model.numRows());

    Provenance p = model.provenance();
    assertEquals("unknown (format version 1)", p.mnistkitVersion());
    assertEquals(11, p.seed());
    assertArrayEquals(new int[] {60, 8}, p.dataShape());
    assertEquals(Map.of("trees", "7", "mtry", "2", "nodeSize", "1", "maxDepth", "unlimited",
        "sampleFraction", "1.0", "replace", "true", "importance", "false"), p.settings());
    assertFalse(p.created().isPresent());
    assertTrue(model.toString().contains(p.toString()), model.toString());
    // Saved with threads(1); that was the saving machine's choice and is not restored.
    assertEquals(Workers.defaultThreads(), model.settings().threads());
    assertInstanceOf(RandomForestModel.class, Models.load(resource("forest-v1.mkrf")));
  }

  @Test
  void aVersionOneForestSavedAgainIsVersionTwoWithTheSameOutputs() throws Exception {
    RandomForestModel old = RandomForestModel.load(resource("forest-v1.mkrf"));
    Path file = dir.resolve("forest-v2.mkrf");
    old.save(file);
    assertEquals(2, ByteBuffer.wrap(Files.readAllBytes(file)).getInt(4));
    RandomForestModel again = RandomForestModel.load(file);
    ForestFileTest.assertSameForest(old, again);
    FloatMatrix probe = readRows(resource("probe.txt"));
    assertEquals(old.predictProba(probe), again.predictProba(probe));
  }
}
