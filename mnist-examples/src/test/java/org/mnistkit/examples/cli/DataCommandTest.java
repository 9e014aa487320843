package org.mnistkit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCommandTest {

  @TempDir Path dir;

  private final TinyMnist cli = new TinyMnist();

  @Test
  void jsonIsExactlyOneObjectWithSnakeCaseKeys() throws IOException {
    TinyMnist.write(dir, 4, 2);
    assertEquals(0, cli.run("data", "--data-dir", dir.toString(), "--json"));
    String text = cli.out.toString().strip();
    assertEquals(1, text.lines().count(), text);
    JsonNode json = new ObjectMapper().readTree(text);
    assertEquals(dir.getFileName().toString(), json.get("dataset").asText()); // the folder's name unless --dataset
    assertEquals(dir.toAbsolutePath().toString(), json.get("dir").asText());
    assertEquals("folder " + dir + " (idx)", json.get("source").asText());
    assertTrue(json.get("test_labels").asBoolean());
    assertEquals("[4,28,28]", json.get("train").toString());
    assertEquals("[2,28,28]", json.get("test").toString());
    assertTrue(json.get("load_seconds").asDouble() >= 0);
  }

  @Test
  void errorsAreOneLineOnStderrWithExitCode1() {
    assertEquals(1, cli.run("data", "--data-dir", dir.toString()));
    assertTrue(cli.err.toString().startsWith("mnistkit: "), cli.err.toString());
    assertTrue(cli.err.toString().contains("train-images-idx3-ubyte"), cli.err.toString());
    assertEquals("", cli.out.toString());
    assertEquals(1, cli.run("data", "--dataset", "emnist", "--data-dir", dir.toString()));
    assertTrue(cli.err.toString().contains("unknown dataset 'emnist'; expected mnist or fashion"), cli.err.toString());
    assertEquals(2, cli.run("data", "--no-such-option"));
  }
}
