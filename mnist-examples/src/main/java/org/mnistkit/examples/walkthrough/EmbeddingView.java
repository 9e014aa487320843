package org.mnistkit.examples.walkthrough;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Properties;
import org.mnistkit.core.io.AtomicFiles;
import org.mnistkit.core.tensor.FloatMatrix;

/**
 * The report's interactive embedding views: zoomable, pannable scatters of every embedded training
 * point, drawn in the browser by Apache ECharts, with a legend that hides and shows each class and
 * a tooltip that shows the digit under the pointer with its label. Everything lies in the report
 * folder, so the report works offline from disk ({@code file://}) and from any web server; the
 * data are {@code <script>} files, never fetched JSON (Chromium refuses {@code fetch} from disk):
 *
 * <ul>
 *   <li>{@value #ECHARTS}: ECharts' {@code dist/echarts.min.js}, copied from the
 *       {@code org.webjars.npm:echarts} jar on the class path (Apache-2.0, its header kept);</li>
 *   <li>{@value #VIEW_SCRIPT}: the view itself (this package's {@code embedding-view.js});</li>
 *   <li>{@code embedding/<name>.js}: one view's data ({@link EmbeddingData});</li>
 *   <li>{@code embedding/digits-<k>.png}: the digits as sprite sheets ({@link DigitSprites}), one
 *       set for all views, since every view shows the first n training images.</li>
 * </ul>
 *
 * <p>One object per walkthrough run: it copies the scripts once and extends the sprite sheets when
 * a later view has more points than the earlier ones. Every file's path comes from {@link #file}.
 */
final class EmbeddingView {

  /** ECharts, relative to the report folder. */
  static final String ECHARTS = "assets/echarts.min.js";

  /** The view's script, relative to the report folder. */
  static final String VIEW_SCRIPT = "assets/embedding-view.js";

  /** The folder of the views' data and sprite sheets, relative to the report folder. */
  static final String DATA_DIR = "embedding/";

  private static final String WEBJAR = "META-INF/resources/webjars/echarts/%s/dist/echarts.min.js";
  private static final String WEBJAR_VERSION = "META-INF/maven/org.webjars.npm/echarts/pom.properties";

  private final ReportFiles files;
  private final FloatMatrix images;
  private final int height;
  private final int width;
  private final int columns;
  private final int rows;
  private boolean assetsWritten;
  private DigitSprites.Layout sprites;

  /**
   * @param files the report's files, through which every file of the views is named
   * @param images the training images, one per row, values in [0, 1] (1 drawn white)
   * @param height image rows
   * @param width image columns; height * width == images.cols()
   * @throws IllegalArgumentException when the image size does not match the rows
   */
  EmbeddingView(ReportFiles files, FloatMatrix images, int height, int width) {
    this(files, images, height, width, DigitSprites.COLUMNS, DigitSprites.ROWS);
  }

  /** As above, with {@code columns x rows} digits per sprite sheet (small sheets for tests). */
  EmbeddingView(ReportFiles files, FloatMatrix images, int height, int width, int columns, int rows) {
    if ((long) height * width != images.cols()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "images of %d x %d need %d columns, got %d",
          height, width, (long) height * width, images.cols()));
    }
    this.files = files;
    this.images = images;
    this.height = height;
    this.width = width;
    this.columns = columns;
    this.rows = rows;
  }

  /**
   * The one place where a file of the views gets its path in the report folder.
   *
   * @param relative the path relative to index.html, '/'-separated, such as {@value #ECHARTS}
   * @return where to write it, recorded in the report's manifest
   * @throws IOException when the manifest or the parent folders cannot be written
   */
  Path file(String relative) throws IOException {
    return files.file(relative);
  }

  /**
   * Writes one view: the scripts (first time only), the sprite sheets for its n points (when earlier
   * views had fewer), and its data file {@code embedding/<name>.js}.
   *
   * @param view the points; row i is training image i
   * @throws IOException when a file cannot be written or ECharts is not on the class path
   * @throws IllegalArgumentException when the view has more points than there are images
   */
  void write(EmbeddingData.View view) throws IOException {
    int n = view.labels().length;
    if (n > images.rows()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "view '%s' has %d points but there are %d "
          + "training images", view.name(), n, images.rows()));
    }
    if (!assetsWritten) {
      byte[] echarts = resource(String.format(Locale.ROOT, WEBJAR, echartsVersion()));
      AtomicFiles.write(file(ECHARTS), o -> o.write(echarts));
      byte[] script = ownResource("embedding-view.js");
      AtomicFiles.write(file(VIEW_SCRIPT), o -> o.write(script));
      assetsWritten = true;
    }
    if (sprites == null || sprites.count() < n) {
      int from = sprites == null ? 0 : sprites.count() / sprites.perSheet(); // the first sheet that grows
      sprites = new DigitSprites.Layout(n, height, width, columns, rows);
      Map<String, Path> sheets = new HashMap<>();
      for (int k = from; k < sprites.sheets(); k++) {
        String name = DigitSprites.Layout.fileName(k);
        sheets.put(name, file(DATA_DIR + name));
      }
      DigitSprites.write(images, 1.0, sprites, from, sheets::get);
    }
    List<String> sheetFiles = new ArrayList<>();
    for (int k = 0; k < sprites.sheets(); k++) {
      sheetFiles.add(DATA_DIR + DigitSprites.Layout.fileName(k));
    }
    String js = EmbeddingData.script(view, sheetFiles, sprites);
    AtomicFiles.write(file(dataFile(view.name())), o -> o.write(js.getBytes(StandardCharsets.UTF_8)));
  }

  /** @return the data file of the named view, relative to the report folder */
  static String dataFile(String name) {
    return DATA_DIR + name + ".js";
  }

  /**
   * The HTML of one view inside the report: the chart's element, a caption saying how to use it,
   * and the view's data script.
   *
   * @param name the view's name, as written by {@link #write}
   * @param caption what the chart shows, plain text
   * @return trusted HTML
   */
  static String figure(String name, String caption) {
    String esc = HtmlReport.esc(caption);
    return "<figure class=\"embedding-figure\"><div class=\"embedding\" id=\"embedding-" + name
        + "\" data-embedding=\"" + name + "\" role=\"img\" aria-label=\"" + esc + "\" style=\"height:640px\"></div>"
        + "<figcaption>Interactive: " + esc + ". Scroll or pinch to zoom, drag to pan, click a label in the legend "
        + "to hide or show that class, hover a point to see its image (needs JavaScript; the picture above shows "
        + "the same points).</figcaption></figure>\n<script src=\"" + dataFile(name) + "\"></script>\n";
  }

  /** @return the scripts that draw every view on the page; once, after the last view's figure */
  static String scripts() {
    return "<script src=\"" + ECHARTS + "\"></script>\n<script src=\"" + VIEW_SCRIPT + "\"></script>\n";
  }

  /** @return the version of the ECharts webjar on the class path */
  static String echartsVersion() throws IOException {
    Properties p = new Properties();
    try (InputStream in = stream(WEBJAR_VERSION)) {
      p.load(in);
    }
    String v = p.getProperty("version");
    if (v == null) {
      throw new IOException(WEBJAR_VERSION + " names no version");
    }
    return v;
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = stream(name)) {
      return in.readAllBytes();
    }
  }

  private static InputStream stream(String name) throws IOException {
    InputStream in = EmbeddingView.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IOException(name + " is not on the class path: the report's interactive views need the "
          + "org.webjars.npm:echarts jar (a dependency of mnist-examples)");
    }
    return in;
  }

  private static byte[] ownResource(String name) throws IOException {
    try (InputStream in = EmbeddingView.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException(name + " is missing from mnist-examples' resources");
      }
      return in.readAllBytes();
    }
  }
}
