package org.mnistkit.examples.walkthrough;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mnistkit.core.tensor.FloatMatrix;

class EmbeddingDataTest {

  static final List<String> NAMES = List.of("zero", "one", "two");

  /** Parses the object the script assigns: everything between the first " = " and the final ";". */
  static JsonNode parse(String script) throws IOException {
    String prefix = "(window.mnistkitEmbeddings = window.mnistkitEmbeddings || {})[\"";
    assertTrue(script.contains(prefix), script);
    String body = script.substring(script.indexOf("] = ", script.indexOf(prefix)) + 4, script.lastIndexOf(';'));
    return new ObjectMapper().readTree(body);
  }

  @Test
  void theScriptHoldsEveryPointOnceUnderItsClassWithItsRowIndex() throws IOException {
    // 5 points; labels 2, 0, 2, 1, 2; x spans 0..100, so 1 decimal place
    FloatMatrix xy = FloatMatrix.of(new float[][] {{0f, 1.25f}, {10.04f, -2f}, {100f, 3.33f}, {-0.01f, 0f},
        {50.55f, 7f}});
    EmbeddingData.View view = new EmbeddingData.View("pca-2", "A \"title\" <b>", "PC1", "PC2", xy,
        new int[] {2, 0, 2, 1, 2}, NAMES);
    DigitSprites.Layout layout = new DigitSprites.Layout(5, 28, 28, 2, 2);
    String js = EmbeddingData.script(view, List.of("embedding/digits-0.png", "embedding/digits-1.png"), layout);
    assertTrue(js.contains("window.mnistkitEmbeddings || {})[\"pca-2\"] = {"), js);
    JsonNode d = parse(js);
    assertEquals("A \"title\" <b>", d.get("title").asText());
    assertEquals("PC1", d.get("x").asText());
    assertEquals(5, d.get("n").asInt());
    assertEquals("[\"zero\",\"one\",\"two\"]", d.get("classes").toString());
    // Petroff's first three colours, as the PNGs use them
    assertEquals("[\"#3f90da\",\"#ffa90e\",\"#bd1f01\"]", d.get("colours").toString());
    JsonNode sprites = d.get("sprites");
    assertEquals(2, sprites.get("columns").asInt());
    assertEquals(4, sprites.get("perSheet").asInt());
    assertEquals(28, sprites.get("width").asInt());
    assertEquals("embedding/digits-1.png", sprites.get("files").get(1).asText());
    JsonNode points = d.get("points");
    assertEquals(3, points.size());
    assertEquals("[10,-2,1]", points.get(0).toString());
    assertEquals("[0,0,3]", points.get(1).toString()); // -0.01 rounds to -0.0, written 0
    assertEquals("[0,1.3,0,100,3.3,2,50.5,7,4]", points.get(2).toString());
  }

  @Test
  void decimalsKeepAThousandthOfTheLargerRange() {
    assertEquals(1, EmbeddingData.decimals(FloatMatrix.of(new float[][] {{0, 0}, {100, 1}})));
    assertEquals(2, EmbeddingData.decimals(FloatMatrix.of(new float[][] {{-15, 0}, {15, 1}})));
    assertEquals(3, EmbeddingData.decimals(FloatMatrix.of(new float[][] {{0, 0}, {1, 9.9f}})));
    assertEquals(0, EmbeddingData.decimals(FloatMatrix.of(new float[][] {{0, 0}, {1e6f, 1}})));
    assertEquals(8, EmbeddingData.decimals(FloatMatrix.of(new float[][] {{2, 2}, {2, 2}})));
    assertEquals("-1.25", EmbeddingData.fixed(-1.25, 3));
    assertEquals("3", EmbeddingData.fixed(3.0004, 3));
    assertEquals("120", EmbeddingData.fixed(120, 0));
    assertEquals("0", EmbeddingData.fixed(-0.0001, 2));
  }

  @Test
  void badViewsAreRefusedWithTheValues() {
    FloatMatrix xy = FloatMatrix.of(new float[][] {{0, 0}, {1, 1}});
    assertEquals("view name must be letters, digits and '-', got 'a b'", assertThrows(IllegalArgumentException.class,
        () -> new EmbeddingData.View("a b", "t", "x", "y", xy, new int[] {0, 1}, NAMES)).getMessage());
    assertEquals("view 'u' needs n x 2 coordinates and n labels with n >= 1, got 2 x 2 and 3 labels",
        assertThrows(IllegalArgumentException.class,
            () -> new EmbeddingData.View("u", "t", "x", "y", xy, new int[] {0, 1, 2}, NAMES)).getMessage());
    assertEquals("view 'u': label 3 of row 1 is outside 0..2 (3 class names)", assertThrows(
        IllegalArgumentException.class, () -> new EmbeddingData.View("u", "t", "x", "y", xy, new int[] {0, 3}, NAMES))
        .getMessage());
    FloatMatrix nan = FloatMatrix.of(new float[][] {{0, 0}, {1, Float.NaN}});
    assertEquals("view 'u': coordinate 3 (row 1) is NaN", assertThrows(IllegalArgumentException.class,
        () -> new EmbeddingData.View("u", "t", "x", "y", nan, new int[] {0, 1}, NAMES)).getMessage());
    EmbeddingData.View ok = new EmbeddingData.View("u", "t", "x", "y", xy, new int[] {0, 1}, NAMES);
    assertEquals("view 'u' has 2 points but the 1 sprite sheets hold 1 digits", assertThrows(
        IllegalArgumentException.class, () -> EmbeddingData.script(ok, List.of("s.png"),
            new DigitSprites.Layout(1, 28, 28, 2, 2))).getMessage());
  }
}
