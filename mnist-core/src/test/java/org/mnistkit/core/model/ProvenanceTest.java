package org.mnistkit.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mnistkit.core.data.DataOrigin;
import org.mnistkit.core.io.FileFormatException;
import org.mnistkit.core.tensor.FloatMatrix;

class ProvenanceTest {

  @Test
  void recordsVersionsShapeOriginSettingsAndSurvivesItsProperties() throws Exception {
    DataOrigin origin = new DataOrigin("mnist", "train", Map.of("train-labels-idx1-ubyte",
        "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"));
    FloatMatrix x = FloatMatrix.zeros(3000, 784).withOrigin(origin);
    Provenance p = Provenance.of(x.rowRange(0, 10), Map.of("trees", 500), 123, 2.5);
    assertEquals(origin, p.dataset().orElseThrow(), "row ranges keep the origin");
    assertEquals(10, p.dataShape()[0]);
    assertTrue(p.mnistkitVersion().matches("\\d+\\.\\d+\\.\\d+.*"), p.mnistkitVersion());
    assertEquals(System.getProperty("java.version"), p.javaVersion());
    assertEquals(p, Provenance.fromProperties(p.toProperties(), Path.of("f")));
    String text = p.toString();
    assertTrue(text.contains("data: 10 x 784 from mnist train (sha256 train-labels-idx1-ubyte 65a50cbbf4e9...)"), text);
    assertTrue(text.contains("seed 123; settings: trees=500"), text);
  }

  @Test
  void shapeOnlyProvenanceHasNoOrigin() throws Exception {
    Provenance p = Provenance.of(60000, 784, Map.of("trees", 20), 7, 3.5);
    assertEquals(60000, p.dataShape()[0]);
    assertEquals(784, p.dataShape()[1]);
    assertTrue(p.dataset().isEmpty());
    assertEquals(3.5, p.fitSeconds().orElseThrow());
    assertEquals(p, Provenance.fromProperties(p.toProperties(), Path.of("f")));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Provenance.of(-1, 784, Map.of(), 7, 0));
    assertEquals("rows and cols must be >= 0, got -1 x 784", e.getMessage());
  }

  @Test
  void versionOneProvenanceSaysWhatIsUnknown() {
    Provenance p = Provenance.version1(60, 8, Map.of("trees", 7), 11);
    assertEquals("unknown (format version 1)", p.mnistkitVersion());
    assertTrue(p.created().isEmpty());
    assertTrue(p.fitSeconds().isEmpty());
    assertTrue(p.dataset().isEmpty());
  }

  @Test
  void badEntriesAreNamed() {
    assertThrows(IllegalArgumentException.class,
        () -> Provenance.of(FloatMatrix.zeros(1, 1), Map.of("a=b", 1), 1, 0));
    FileFormatException e = assertThrows(FileFormatException.class,
        () -> Provenance.fromProperties(Map.of("mnistkit.version", "1"), Path.of("m.bin")));
    assertEquals("m.bin: provenance: entry 'java.version' is missing", e.getMessage());
  }

  @Test
  void unknownMagicNumbersNameTheKindsOnTheClassPath(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path file = java.nio.file.Files.writeString(dir.resolve("x.bin"), "ABCDEFGH");
    FileFormatException e = assertThrows(FileFormatException.class, () -> Models.load(file));
    assertTrue(e.getMessage().contains("magic 0x41424344 is not a model kind on the class path"),
        e.getMessage());
  }
}
