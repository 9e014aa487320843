package org.mnistkit.eda.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.eda.knn.Metric;

class ModelInputOutputTest {

  private static final int MAGIC = 0x54455354; // "TEST"

  @TempDir
  Path dir;

  private ModelInput open(Path file) throws IOException {
    ModelInput in = ModelInput.open(file, MAGIC, 3, "test");
    in.header(MAGIC, 3, "test block");
    return in;
  }

  @Test
  void valuesRoundTripAcrossChunkBoundaries() throws IOException {
    int[] ints = new int[40_000]; // 160 kB: more than two 64 kB chunks
    float[] floats = new float[40_001];
    double[] doubles = new double[20_003];
    for (int i = 0; i < ints.length; i++) {
      ints[i] = i * 7919 - 5;
    }
    for (int i = 0; i < floats.length; i++) {
      floats[i] = (float) Math.sin(i) * 1e3f;
    }
    for (int i = 0; i < doubles.length; i++) {
      doubles[i] = Math.cos(i) / 3;
    }
    Path file = dir.resolve("values.bin");
    ModelOutput.write(file, out -> {
      out.header(MAGIC, 3);
      out.writeLong(-42L);
      out.writeDouble(Math.PI);
      out.writeBoolean(true);
      out.writeName("COSINE");
      out.writeInts(ints);
      out.writeFloats(floats);
      out.writeDoubles(doubles);
      out.writeInt(2);
    });
    assertEquals(8 + 8 + 8 + 1 + 8 + 4 * 40_000 + 4 * 40_001 + 8 * 20_003 + 4 + 4,
        Files.size(file));
    try (ModelInput in = open(file)) {
      assertEquals(-42L, in.readLong());
      assertEquals(Math.PI, in.readDouble());
      assertTrue(in.readBoolean("flag"));
      assertEquals(Metric.COSINE, in.readEnum(Metric.class, "metric"));
      assertArrayEquals(ints, in.readInts(ints.length, "ints"));
      FloatMatrix m = in.readMatrix(40_001, 1, "floats");
      assertArrayEquals(floats, m.data());
      assertArrayEquals(doubles, in.readDoubles(doubles.length, "doubles"));
      assertEquals(2, in.readCount("count", 0, 2));
      in.finish();
    }
  }

  private EdaFormatException failure(ModelOutput.Body body, FailingRead reader)
      throws IOException {
    Path file = dir.resolve("bad.bin");
    ModelOutput.write(file, out -> {
      out.header(MAGIC, 3);
      body.writeTo(out);
    });
    try (ModelInput in = open(file)) {
      EdaFormatException e = assertThrows(EdaFormatException.class, () -> reader.read(in));
      assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
      return e;
    }
  }

  /** A read expected to fail. */
  private interface FailingRead {
    void read(ModelInput in) throws IOException;
  }

  @Test
  void readsCheckValuesAndRoomBeforeAllocating() throws IOException {
    assertEquals(": metric is 'CHEBYSHEV', expected one of [EUCLIDEAN, COSINE, MANHATTAN]",
        tail(failure(out -> out.writeName("CHEBYSHEV"),
            in -> in.readEnum(Metric.class, "metric"))));
    assertEquals(": flag must be 0 or 1, got 7",
        tail(failure(out -> out.writeInt(0x07000000), in -> in.readBoolean("flag"))));
    assertEquals(": k must be in 1..10, got 11",
        tail(failure(out -> out.writeInt(11), in -> in.readCount("k", 1, 10))));
    assertEquals(": idx[1] is 9, expected 0..8",
        tail(failure(out -> out.writeInts(new int[] {0, 9}), in -> in.readIndices(2, 0, 8, "idx"))));
    assertEquals(": truncated: big need 4000000000 bytes at byte 8 but only 16 remain before the "
            + "checksum",
        tail(failure(out -> out.writeDoubles(new double[2]),
            in -> in.readFloats(1_000_000_000, "big"))));
    assertEquals(": big has a negative length -1",
        tail(failure(out -> out.writeInt(1), in -> in.readInts(-1, "big"))));
    assertEquals(": name must have at most 4 bytes, got 6",
        tail(failure(out -> out.writeName("abcdef"), in -> in.readName(4, "name"))));
    assertEquals(": 4 unexpected bytes after the last block (at byte 8 of 12)",
        tail(failure(out -> out.writeInt(1), ModelInput::finish)));
  }

  private static String tail(EdaFormatException e) {
    String m = e.getMessage();
    return m.substring(m.indexOf(": "));
  }

  @Test
  void anAbortedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Path file = dir.resolve("model.bin");
    Files.writeString(file, "old content");
    IOException e = assertThrows(IOException.class, () -> ModelOutput.write(file, out -> {
      out.header(MAGIC, 3);
      out.writeFloats(new float[100_000]);
      throw new IOException("disk full (simulated)");
    }));
    assertEquals("disk full (simulated)", e.getMessage());
    assertEquals("old content", Files.readString(file));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file left");
    }
  }
}
