package org.mnistkit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistkit.core.idx.IdxWriter;
import org.mnistkit.core.testing.IdxFixtures;
import picocli.CommandLine;

class DataCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = MnistkitCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  private void writeTinyMnist() throws IOException {
    IdxWriter.write(IdxFixtures.images(4, 28, 28), dir.resolve("train-images-idx3-ubyte"), IdxWriter.Compression.NONE);
    IdxWriter.write(IdxFixtures.labels(4, 10), dir.resolve("train-labels-idx1-ubyte.gz"), IdxWriter.Compression.GZIP);
    IdxWriter.write(IdxFixtures.images(2, 28, 28), dir.resolve("t10k-images-idx3-ubyte"), IdxWriter.Compression.NONE);
    IdxWriter.write(IdxFixtures.labels(2, 10), dir.resolve("t10k-labels-idx1-ubyte"), IdxWriter.Compression.NONE);
  }

  @Test
  void jsonIsExactlyOneObjectWithSnakeCaseKeys() throws IOException {
    writeTinyMnist();
    assertEquals(0, run("data", "--data-dir", dir.toString(), "--json"));
    String text = out.toString().strip();
    assertEquals(1, text.lines().count(), text);
    JsonNode json = new ObjectMapper().readTree(text);
    assertEquals("mnist", json.get("dataset").asText());
    assertEquals(dir.toAbsolutePath().toString(), json.get("dir").asText());
    assertEquals("folder " + dir, json.get("source").asText());
    assertEquals("[4,28,28]", json.get("train").toString());
    assertEquals("[2,28,28]", json.get("test").toString());
    assertTrue(json.get("load_seconds").asDouble() >= 0);
  }

  @Test
  void errorsAreOneLineOnStderrWithExitCode1() {
    assertEquals(1, run("data", "--data-dir", dir.toString()));
    assertTrue(err.toString().startsWith("mnistkit: "), err.toString());
    assertTrue(err.toString().contains("train-images-idx3-ubyte"), err.toString());
    assertEquals("", out.toString());
    assertEquals(1, run("data", "--dataset", "emnist", "--data-dir", dir.toString()));
    assertTrue(err.toString().contains("unknown dataset 'emnist'; expected mnist or fashion"), err.toString());
    assertEquals(2, run("data", "--no-such-option"));
  }
}
