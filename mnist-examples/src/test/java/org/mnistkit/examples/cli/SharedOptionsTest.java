package org.mnistkit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The rules every subcommand shares, checked by one path before any work: --threads, --out
 * (created and writable, or refused where the command writes nothing there), and usage without a
 * command. The data folder of most cases holds no data, so an error about the data would show
 * that the check came too late.
 */
class SharedOptionsTest {

  @TempDir Path dir;

  /** Each subcommand with options that make it write into --out. */
  private static final Map<String, List<String>> WRITERS = Map.of("svd", List.of(), "umap", List.of(),
      "walkthrough", List.of("--quick"), "forest", List.of("--importance", "gini"));

  private static final List<String> ALL = List.of("data", "walkthrough", "nn", "forest", "svd", "umap");

  private static TinyMnist run(int expectedCode, String... args) {
    TinyMnist cli = new TinyMnist();
    assertEquals(expectedCode, cli.run(args), String.join(" ", args) + ": " + cli.err);
    return cli;
  }

  @Test
  void everySubcommandSaysWhatItDoesWithOut() {
    CommandLine cl = MnistkitCommand.commandLine();
    List<String> names = new ArrayList<>(cl.getSubcommands().keySet());
    names.remove("help");
    assertEquals(ALL.stream().sorted().toList(), names.stream().sorted().toList());
    for (String name : names) {
      assertInstanceOf(OutUse.class, cl.getSubcommands().get(name).getCommand(), name);
    }
  }

  @Test
  void threadsZeroIsRefusedByEverySubcommandBeforeAnyWork() {
    for (String command : ALL) {
      TinyMnist cli = run(1, command, "--threads", "0", "--data-dir", dir.resolve("no-data").toString());
      assertEquals("mnistkit: --threads must be >= 1, got 0", cli.err.toString().strip(), command);
      assertEquals("", cli.out.toString(), command);
    }
    assertFalse(Files.exists(dir.resolve("no-data")));
  }

  @Test
  void anOutFolderThatCannotBeCreatedFailsFirstWithTheReason() throws IOException {
    Path plain = Files.writeString(dir.resolve("plain"), "x");
    Path under = plain.resolve("report");
    for (Map.Entry<String, List<String>> w : WRITERS.entrySet()) {
      List<String> args = new ArrayList<>(List.of(w.getKey(), "--data-dir", dir.resolve("no-data").toString()));
      args.addAll(w.getValue());
      args.addAll(List.of("--out", under.toString()));
      TinyMnist cli = run(1, args.toArray(String[]::new));
      assertEquals("mnistkit: --out " + under + " cannot be created: " + plain + " is a file",
          cli.err.toString().strip(), w.getKey());
      args.set(args.size() - 1, plain.toString());
      cli = run(1, args.toArray(String[]::new));
      assertEquals("mnistkit: --out " + plain + " is a file, not a folder", cli.err.toString().strip(), w.getKey());
    }
    assertEquals("x", Files.readString(plain));
  }

  @Test
  void anOutFolderIsCreatedBeforeTheDataIsRead() {
    Path report = dir.resolve("a/b/report");
    TinyMnist cli = run(1, "svd", "--data-dir", dir.resolve("no-data").toString(), "--out", report.toString());
    assertTrue(Files.isDirectory(report), "created before the data was looked for");
    assertTrue(cli.err.toString().contains("no-data"), "then the data error: " + cli.err);
    try (var files = Files.list(report)) {
      assertEquals(0, files.count(), "the probe file is gone");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void commandsThatWriteNothingThereRefuseOut() {
    String out = dir.resolve("report").toString();
    String noData = dir.resolve("no-data").toString();
    assertEquals("mnistkit: --out does not apply to data: it writes no files (the dataset is kept in the cache, "
        + "$MNISTKIT_HOME or ~/.mnistkit)", run(1, "data", "--data-dir", noData, "--out", out).err.toString().strip());
    assertEquals("mnistkit: --out does not apply to nn: it writes no pictures; save the model with --save FILE or "
        + "--export-onnx FILE", run(1, "nn", "--data-dir", noData, "--out", out).err.toString().strip());
    assertEquals("mnistkit: --out does not apply to forest: it writes only the --importance file there; give "
        + "--importance gini or permutation, or save the model with --save FILE or --export-onnx FILE",
        run(1, "forest", "--data-dir", noData, "--out", out).err.toString().strip());
    assertFalse(Files.exists(dir.resolve("report")));
  }

  @Test
  void helpAndVersionSkipTheChecks() {
    TinyMnist cli = run(0, "svd", "--help", "--threads", "0");
    assertTrue(cli.out.toString().contains("--components"), cli.out.toString());
    assertTrue(cli.out.toString().contains("Default: mnistkit-report"), cli.out.toString());
  }

  @Test
  void noCommandPrintsTheUsageOnStdoutAndExits2() {
    TinyMnist cli = run(2);
    assertTrue(cli.out.toString().startsWith("Usage: mnistkit"), cli.out.toString());
    assertTrue(cli.out.toString().contains("walkthrough"), cli.out.toString());
    assertEquals("", cli.err.toString());
  }

  @Test
  void usageNamesNoInternalFieldOfAnyCommand() {
    CommandLine cl = MnistkitCommand.commandLine();
    for (String name : ALL) {
      String usage = cl.getSubcommands().get(name).getUsageMessage(CommandLine.Help.Ansi.OFF);
      assertFalse(usage.contains("<"), name + " shows a Java field name as a placeholder: " + usage);
      assertTrue(usage.contains("--seed=N"), name + ": " + usage);
    }
  }

  @Test
  void fileSystemErrorsAreReportedInWordsNotClassNames() {
    assertEquals("/proc/x: no such file or folder",
        MnistkitCommand.message(new java.nio.file.NoSuchFileException("/proc/x")));
    assertEquals("/r/m.mkrf: permission denied",
        MnistkitCommand.message(new java.nio.file.AccessDeniedException("/r/m.mkrf")));
    assertEquals("/a -> /b: Read-only file system",
        MnistkitCommand.message(new java.nio.file.FileSystemException("/a", "/b", "Read-only file system")));
    assertEquals("no data", MnistkitCommand.message(new IOException("no data")));
  }
}
