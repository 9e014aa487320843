package org.mnistkit.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mnistkit.core.testing.TestAssertions.assertThrowsWithMessage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  @TempDir Path dir;

  @Test
  void aFailedWriteLeavesTheTargetAsItWasAndNoTemporaryFile() throws IOException {
    Path target = dir.resolve("sub/file.txt");
    AtomicFiles.write(target, out -> out.write("first".getBytes(StandardCharsets.UTF_8)));
    assertEquals("first", Files.readString(target));
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    assertThrowsWithMessage(IOException.class, () -> AtomicFiles.write(target, out -> {
      out.write("half of the sec".getBytes(StandardCharsets.UTF_8));
      throw new IOException("disk full");
    }), "disk full");
    assertEquals("first", Files.readString(target));
    try (Stream<Path> files = Files.list(target.getParent())) {
      assertEquals(1, files.count(), "no .part file left behind");
    }
  }
}
