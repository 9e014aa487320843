package org.mnistkit.examples.walkthrough;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistkit.core.tensor.FloatMatrix;

class EmbeddingViewTest {

  static final List<String> NAMES = List.of("a", "b", "c");

  static EmbeddingData.View view(String name, int n) {
    float[][] xy = new float[n][];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      xy[i] = new float[] {i, -i};
      labels[i] = i % 3;
    }
    return new EmbeddingData.View(name, name, "x", "y", FloatMatrix.of(xy), labels, NAMES);
  }

  @Test
  void aViewWritesEChartsItsScriptItsDataAndTheSpriteSheetsItNeeds(@TempDir Path out) throws IOException {
    // 4 x 3 images, 2 x 2 digits a sheet: 5 points need sheets 0 and 1
    EmbeddingView views = new EmbeddingView(ReportFiles.open(out), DigitSpritesTest.images(9, 4, 3), 4, 3, 2, 2);
    views.write(view("svd", 5));
    byte[] echarts;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(
        "META-INF/resources/webjars/echarts/" + EmbeddingView.echartsVersion() + "/dist/echarts.min.js")) {
      echarts = in.readAllBytes();
    }
    assertEquals("5.3.1", EmbeddingView.echartsVersion());
    assertArrayEquals(echarts, Files.readAllBytes(out.resolve("assets/echarts.min.js")));
    assertTrue(Files.readString(out.resolve("assets/embedding-view.js")).contains("echarts.init("));
    assertEquals(List.of("assets/echarts.min.js", "assets/embedding-view.js", "embedding/digits-0.png",
        "embedding/digits-1.png", "embedding/svd.js"), files(out));
    JsonNode d = EmbeddingDataTest.parse(Files.readString(out.resolve("embedding/svd.js")));
    assertEquals(5, d.get("n").asInt());
    assertEquals(2, d.get("sprites").get("files").size());
    assertEquals(6, ImageIO.read(out.resolve("embedding/digits-0.png").toFile()).getWidth());
    assertEquals(4, ImageIO.read(out.resolve("embedding/digits-1.png").toFile()).getHeight(), "one row of digits");
  }

  @Test
  void aLaterViewWithMorePointsRewritesOnlyTheSheetsThatGrow(@TempDir Path out) throws IOException {
    EmbeddingView views = new EmbeddingView(ReportFiles.open(out), DigitSpritesTest.images(9, 4, 3), 4, 3, 2, 2);
    views.write(view("svd", 5));
    FileTime old = FileTime.fromMillis(0);
    for (String f : List.of("digits-0.png", "digits-1.png")) {
      Files.setLastModifiedTime(out.resolve("embedding").resolve(f), old);
    }
    views.write(view("umap", 9));
    assertEquals(old, Files.getLastModifiedTime(out.resolve("embedding/digits-0.png")), "sheet 0 was full");
    assertEquals(8, ImageIO.read(out.resolve("embedding/digits-1.png").toFile()).getHeight(), "sheet 1 grew");
    assertTrue(Files.exists(out.resolve("embedding/digits-2.png")));
    assertEquals(3, EmbeddingDataTest.parse(Files.readString(out.resolve("embedding/umap.js"))).get("sprites")
        .get("files").size());
    views.write(view("small", 2));
    assertEquals(3, EmbeddingDataTest.parse(Files.readString(out.resolve("embedding/small.js"))).get("sprites")
        .get("files").size(), "a smaller view points into the same sheets");
  }

  @Test
  void theFigureNamesItsElementAndDataScriptAndEscapesTheCaption() {
    String html = EmbeddingView.figure("umap", "UMAP of <2000> \"images\"");
    assertTrue(html.contains("<div class=\"embedding\" id=\"embedding-umap\" data-embedding=\"umap\""), html);
    assertTrue(html.contains("<script src=\"embedding/umap.js\"></script>"), html);
    assertTrue(html.contains("Interactive: UMAP of &lt;2000&gt; &quot;images&quot;."), html);
    assertEquals("<script src=\"assets/echarts.min.js\"></script>\n<script src=\"assets/embedding-view.js\"></script>\n",
        EmbeddingView.scripts());
  }

  @Test
  void moreViewPointsThanImagesOrAWrongImageSizeIsRefused(@TempDir Path out) throws IOException {
    ReportFiles files = ReportFiles.open(out);
    EmbeddingView views = new EmbeddingView(files, DigitSpritesTest.images(4, 4, 3), 4, 3, 2, 2);
    assertEquals("view 'svd' has 5 points but there are 4 training images",
        assertThrows(IllegalArgumentException.class, () -> views.write(view("svd", 5))).getMessage());
    assertEquals("images of 28 x 28 need 784 columns, got 12", assertThrows(IllegalArgumentException.class,
        () -> new EmbeddingView(files, DigitSpritesTest.images(4, 4, 3), 28, 28)).getMessage());
  }

  /** @return the files in the folder, which must be the ones its manifest lists */
  private static List<String> files(Path out) throws IOException {
    try (Stream<Path> s = Files.walk(out)) {
      List<String> found = s.filter(Files::isRegularFile).map(p -> out.relativize(p).toString().replace('\\', '/'))
          .filter(name -> !name.equals(ReportFiles.MANIFEST)).sorted().toList();
      assertEquals(found, Files.readAllLines(out.resolve(ReportFiles.MANIFEST)), "every file is in the manifest");
      return found;
    }
  }
}
