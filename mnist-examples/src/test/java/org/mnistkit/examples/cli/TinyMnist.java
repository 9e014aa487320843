package org.mnistkit.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.mnistkit.core.idx.IdxWriter;
import org.mnistkit.core.testing.IdxFixtures;
import picocli.CommandLine;

/** A tiny dataset in the MNIST layout for CLI tests, and a runner capturing stdout and stderr. */
final class TinyMnist {

  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  /** Writes train (nTrain images) and test (nTest images) files, 28 x 28, labels cycling 0..9. */
  static Path write(Path dir, int nTrain, int nTest) throws IOException {
    IdxWriter.write(IdxFixtures.images(nTrain, 28, 28), dir.resolve("train-images-idx3-ubyte"), IdxWriter.Compression.NONE);
    IdxWriter.write(IdxFixtures.labels(nTrain, 10), dir.resolve("train-labels-idx1-ubyte.gz"), IdxWriter.Compression.GZIP);
    IdxWriter.write(IdxFixtures.images(nTest, 28, 28), dir.resolve("t10k-images-idx3-ubyte"), IdxWriter.Compression.NONE);
    IdxWriter.write(IdxFixtures.labels(nTest, 10), dir.resolve("t10k-labels-idx1-ubyte"), IdxWriter.Compression.NONE);
    return dir;
  }

  int run(String... args) {
    CommandLine cl = MnistkitCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }
}
