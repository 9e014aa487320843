package org.mnistkit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistkit.core.model.Provenance;

/**
 * The report's header (version, command line, CPU, Java, data, step times), the same in --json,
 * and a second run into the same --out: its own earlier files go, a user's file stays.
 */
class ReportProvenanceTest {

  @TempDir Path dir;

  @Test
  void headerAndJsonCarryTheProvenanceAndASecondRunRemovesOnlyOurOldFiles() throws IOException {
    Path data = TinyMnist.write(Files.createDirectories(dir.resolve("data")), 60, 20);
    Path out = Files.createDirectories(dir.resolve("my report"));
    Path notes = Files.writeString(out.resolve("notes.png"), "the user's own");
    Path outside = Files.writeString(dir.resolve("x"), "outside");

    String[] full = {"walkthrough", "--data-dir", data.toString(), "--quick", "--train-size", "40", "--epochs", "1",
        "--trees", "5", "--threads", "1", "--quiet", "--json", "--out", out.toString()};
    TinyMnist cli = new TinyMnist();
    assertEquals(0, cli.run(full), cli.err.toString());
    JsonNode j = new ObjectMapper().readTree(cli.out.toString().strip());
    List<String> expectedArgs = new ArrayList<>(List.of("mnistkit"));
    expectedArgs.addAll(List.of(full));
    assertEquals(expectedArgs, new ObjectMapper().convertValue(j.at("/run/command_line"), List.class));
    assertEquals(Provenance.libraryVersion(), j.at("/run/mnistkit_version").asText());
    assertFalse(j.at("/machine/cpu_model").asText().isBlank());
    assertEquals(Runtime.getRuntime().availableProcessors(), j.at("/machine/cores").asInt());
    List<String> steps = new ArrayList<>();
    j.get("timings").forEach(t -> {
      steps.add(t.get("step").asText());
      assertTrue(t.get("seconds").asDouble() >= 0, t.toString());
    });
    assertEquals(List.of("load", "SVD", "UMAP", "network", "forest", "report"), steps);
    List<String> files = new ObjectMapper().convertValue(j.get("files"), List.class);
    assertEquals(List.of("assets/echarts.min.js", "assets/embedding-view.js", "digit.png", "embedding/digits-0.png",
        "embedding/svd.js", "embedding/umap.js", "forest-importance.png", "index.html", "nn-history.png",
        "svd-scree.png", "svd.png", "umap.png"), files.stream().filter(f -> !f.startsWith("digits/")).toList());
    // the 20 test images each lie in a confusion cell (at most 30 shown per cell), so every one is drawn
    assertEquals(20, files.stream().filter(f -> f.startsWith("digits/test-")).count(), files.toString());
    assertEquals(String.join("\n", new ObjectMapper().convertValue(j.get("files"), List.class)) + "\n",
        Files.readString(out.resolve(".mnistkit-report-files")));

    String html = Files.readString(out.resolve("index.html"));
    assertTrue(html.contains("<tr><th>mnistkit</th><td>" + Provenance.libraryVersion() + "</td></tr>"), html);
    assertTrue(html.contains("<code>mnistkit walkthrough --data-dir " + data + " --quick --train-size 40 --epochs 1 "
        + "--trees 5 --threads 1 --quiet --json --out '" + out + "'</code>"), html);
    assertTrue(html.contains("<tr><th>CPU</th><td>" + j.at("/machine/cpu_model").asText()), html);
    assertTrue(html.contains("<tr><th>Java</th><td>" + System.getProperty("java.version")), html);
    // a folder of the user's: no published checksums to show
    assertTrue(html.contains("<tr><th>SHA-256</th><td><i>not recorded"), html);
    for (String step : steps) {
      assertTrue(html.contains("<tr><td>" + step + "</td><td>"), "timing row " + step);
    }
    assertTrue(html.contains("Venna &amp; Kaski 2001") && html.contains("<i>kNN-15 purity</i>")
        && html.contains("importance(type = 1)") && html.contains("src=\"svd-scree.png\""), html);

    TinyMnist again = new TinyMnist();
    assertEquals(0, again.run("walkthrough", "--data-dir", data.toString(), "--quick", "--train-size", "40",
        "--skip", "umap,nn,forest", "--threads", "1", "--quiet", "--out", out.toString()), again.err.toString());
    for (String gone : List.of("umap.png", "nn-history.png", "forest-importance.png", "digits/test-00000.png",
        "embedding/umap.js")) {
      assertFalse(Files.exists(out.resolve(gone)), gone + " of the earlier run is removed");
    }
    assertTrue(Files.exists(out.resolve("svd.png")) && Files.exists(out.resolve("index.html")));
    assertEquals("the user's own", Files.readString(notes), "a user's file in --out stays");
    assertEquals("outside", Files.readString(outside));
    assertEquals("assets/echarts.min.js\nassets/embedding-view.js\ndigit.png\nembedding/digits-0.png\n"
        + "embedding/svd.js\nindex.html\nsvd-scree.png\nsvd.png\n", Files.readString(out.resolve(".mnistkit-report-files")));
    assertTrue(again.out.toString().contains("removed 32 file(s) of an earlier run"), again.out.toString());
    assertTrue(again.out.toString().matches("(?s).*\\ntime per step: load \\d+\\.\\d s, SVD \\d+\\.\\d s, report \\d+\\.\\d s\\R.*"),
        again.out.toString());
  }
}
