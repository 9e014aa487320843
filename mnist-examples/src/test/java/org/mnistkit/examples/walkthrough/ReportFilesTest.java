package org.mnistkit.examples.walkthrough;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report folder's registry: only our own earlier files are deleted, never anything else. */
class ReportFilesTest {

  @TempDir Path dir;

  @Test
  void anOldOwnFileGoesAUserFileStaysAndTheManifestListsWhatWasNamed() throws IOException {
    Path out = Files.createDirectories(dir.resolve("report"));
    ReportFiles first = ReportFiles.open(out);
    Files.writeString(first.file("umap.png"), "old picture");
    Files.writeString(first.file("assets/echarts.min.js"), "old script");
    Files.writeString(out.resolve("notes.txt"), "the user's own");
    assertEquals("assets/echarts.min.js\numap.png\n", Files.readString(out.resolve(ReportFiles.MANIFEST)));

    ReportFiles second = ReportFiles.open(out);
    assertEquals(List.of("assets/echarts.min.js", "umap.png"), second.removed().stream().sorted().toList());
    assertFalse(Files.exists(out.resolve("umap.png")), "the earlier run's picture is gone");
    assertFalse(Files.exists(out.resolve("assets/echarts.min.js")));
    assertEquals("the user's own", Files.readString(out.resolve("notes.txt")), "a user's file stays");
    assertEquals("", Files.readString(out.resolve(ReportFiles.MANIFEST)), "a fresh manifest");
    Path index = second.file("index.html");
    assertEquals(out.toAbsolutePath().resolve("index.html"), index);
    assertEquals(List.of("index.html"), second.names());
  }

  @Test
  void manifestEntriesThatLeaveTheFolderDeleteNothing() throws IOException {
    Path out = Files.createDirectories(dir.resolve("report"));
    Path outside = Files.writeString(dir.resolve("x"), "outside");
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Path victim = Files.writeString(elsewhere.resolve("y.png"), "not ours");
    Files.createSymbolicLink(out.resolve("link"), elsewhere);
    Files.createSymbolicLink(out.resolve("linked.png"), victim);
    Files.createDirectories(out.resolve("sub"));
    Files.writeString(out.resolve(ReportFiles.MANIFEST), String.join("\n", "../x", outside.toAbsolutePath().toString(),
        "sub/../../x", "link/y.png", "linked.png", "sub", ".", "", "../report/../x") + "\n");

    ReportFiles files = ReportFiles.open(out);
    assertEquals(List.of(), files.removed());
    assertEquals("outside", Files.readString(outside));
    assertEquals("not ours", Files.readString(victim), "a link to a folder outside does not lead out");
    assertTrue(Files.isSymbolicLink(out.resolve("linked.png")), "links are not deleted");
    assertTrue(Files.isDirectory(out.resolve("sub")), "folders are not deleted");
  }

  @Test
  void aNameOutsideTheFolderIsRefused() throws IOException {
    ReportFiles files = ReportFiles.open(dir.resolve("report"));
    for (String bad : List.of("../x.png", "/tmp/x.png", "", ".", "a/../../x", ReportFiles.MANIFEST)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> files.file(bad), bad);
      assertTrue(e.getMessage().contains("a report file must be a relative path inside") && e.getMessage()
          .contains("'" + bad + "'"), e.getMessage());
    }
    assertEquals(List.of(), files.names());
  }
}
