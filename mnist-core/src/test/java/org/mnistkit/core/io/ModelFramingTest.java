package org.mnistkit.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistkit.core.data.DataOrigin;
import org.mnistkit.core.model.Provenance;
import org.mnistkit.core.tensor.FloatMatrix;

class ModelFramingTest {

  static final ModelFormat TOY = new ModelFormat("MKTY", "toy model", 2);
  static final ModelFormat OTHER = new ModelFormat("MKOT", "other model", 3);

  @TempDir Path dir;

  private static Provenance provenance() {
    FloatMatrix x = FloatMatrix.zeros(3, 2).withOrigin(new DataOrigin("mnist", "train",
        Map.of("train-images-idx3-ubyte", "a".repeat(64))));
    return Provenance.of(x, Map.of("trees", 5, "mtry", "auto"), 42, 1.5);
  }

  /** A toy model: a big float block (past the 64 KiB buffer), a nested block and a name. */
  private static void writeToy(ModelWriter out, float[] values) throws IOException {
    out.block("values", o -> {
      o.writeInt(values.length);
      o.writeFloats(values);
    });
    out.block("outer", o -> {
      o.writeName("inner follows");
      o.block("inner", i -> i.writeLongs(new long[] {1, -2, Long.MAX_VALUE}));
      o.writeDouble(0.25);
    });
  }

  private static float[] readToy(ModelReader in) throws IOException {
    float[] values = in.block("values", r -> r.readFloats(r.readCount("n", 0, 1 << 20), "values"));
    in.block("outer", r -> {
      assertEquals("inner follows", r.readName(64, "name"));
      assertArrayEquals(new long[] {1, -2, Long.MAX_VALUE}, r.block("inner", i -> i.readLongs(3, "l")));
      assertEquals(0.25, r.readDouble());
      return null;
    });
    in.finish();
    return values;
  }

  private static float[] values(int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = i * 0.5f - 7;
    }
    return v;
  }

  @Test
  void blocksAndProvenanceRoundTrip() throws IOException {
    Path file = dir.resolve("toy.bin");
    Provenance p = provenance();
    float[] v = values(40_000);
    ModelWriter.write(file, TOY, p, out -> writeToy(out, v));
    try (ModelReader in = ModelReader.open(file, TOY)) {
      assertEquals(2, in.version());
      assertEquals(p, in.provenance());
      assertEquals(Map.of("mtry", "auto", "trees", "5"), in.provenance().settings());
      assertEquals("mnist train", in.provenance().dataset().orElseThrow().toString());
      assertEquals(1.5, in.provenance().fitSeconds().orElseThrow());
      assertArrayEquals(v, readToy(in));
    }
  }

  @Test
  void aSaveThatFailsHalfWayLeavesTheOldFileIntact() throws IOException {
    Path file = dir.resolve("toy.bin");
    ModelWriter.write(file, TOY, provenance(), out -> writeToy(out, values(10)));
    byte[] before = Files.readAllBytes(file);
    IOException e = assertThrows(IOException.class, () -> ModelWriter.write(file, TOY,
        provenance(), out -> {
          writeToy(out, values(100_000));
          throw new IOException("disk full");
        }));
    assertEquals("disk full", e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(file));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file left");
    }
  }

  @Test
  void aFileOfAnotherKindIsNamed() throws IOException {
    Path file = dir.resolve("other.bin");
    ModelWriter.write(file, OTHER, provenance(), out -> out.writeInt(1));
    FileFormatException e = assertThrows(FileFormatException.class,
        () -> ModelReader.open(file, TOY));
    assertEquals(file + ": holds a mnistkit other model (MKOT), not a toy model (MKTY) file",
        e.getMessage());
  }

  @Test
  void aVersionOneFileOfAnotherKindIsNamed() throws IOException {
    Path file = dir.resolve("old.bin");
    Files.write(file, withCrc(ByteBuffer.allocate(12).putInt(0x4D4B5246).putInt(1).putInt(7).array()));
    FileFormatException e = assertThrows(FileFormatException.class,
        () -> ModelReader.open(file, TOY));
    assertTrue(e.getMessage().contains("holds a mnistkit random forest (MKRF) saved in format "
        + "version 1, not a toy model (MKTY) file"), e.getMessage());
  }

  @Test
  void versionOneFilesOpenWithoutBlocks() throws IOException {
    Path file = dir.resolve("v1.bin");
    Files.write(file, withCrc(ByteBuffer.allocate(12).putInt(TOY.magicNumber()).putInt(1).putInt(7).array()));
    try (ModelReader in = ModelReader.open(file, TOY)) {
      assertEquals(1, in.version());
      assertEquals(7, in.readInt());
      in.finish();
      assertThrows(IllegalStateException.class, in::provenance);
    }
  }

  @Test
  void newerVersionsAndForeignFilesAreRefused() throws IOException {
    Path file = dir.resolve("f.bin");
    Files.write(file, withCrc(ByteBuffer.allocate(8).putInt(TOY.magicNumber()).putInt(9).array()));
    assertEquals(file + ": unsupported toy model file version 9 (this build reads 1..2)",
        assertThrows(FileFormatException.class, () -> ModelReader.open(file, TOY)).getMessage());
    Files.write(file, new byte[] {0x08, 0x08, 0x12, 0x08, 'm', 'n', 'i', 's', 't', 'k', 'i', 't', 0, 0});
    assertTrue(assertThrows(FileFormatException.class, () -> ModelReader.open(file, TOY))
        .getMessage().contains("looks like an ONNX model (magic 0x08081208); open it with ONNX Runtime"));
    Files.writeString(file, "hello, world, a text file");
    assertTrue(assertThrows(FileFormatException.class, () -> ModelReader.open(file, TOY))
        .getMessage().contains("is not a mnistkit model file (magic hell), not a toy model"));
  }

  @Test
  void corruptedAndTruncatedFilesFailBeforeAllocating() throws IOException {
    Path file = dir.resolve("toy.bin");
    ModelWriter.write(file, TOY, provenance(), out -> writeToy(out, values(1000)));
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 1;
    Files.write(file, bytes);
    assertTrue(assertThrows(FileFormatException.class, () -> ModelReader.open(file, TOY))
        .getMessage().contains("checksum mismatch"));
    // a block that claims 2^40 bytes, with a valid checksum
    ModelWriter.write(file, TOY, provenance(), out -> out.block("values", o -> o.writeInt(1 << 30)));
    try (ModelReader in = ModelReader.open(file, TOY)) {
      FileFormatException e = assertThrows(FileFormatException.class,
          () -> in.block("values", r -> r.readFloats(r.readInt(), "values")));
      assertTrue(e.getMessage().contains("truncated: values need 4294967296 bytes"), e.getMessage());
    }
  }

  @Test
  void blocksAreReadExactly() throws IOException {
    Path file = dir.resolve("toy.bin");
    ModelWriter.write(file, TOY, provenance(), out -> writeToy(out, values(3)));
    try (ModelReader in = ModelReader.open(file, TOY)) {
      assertTrue(assertThrows(FileFormatException.class, () -> in.block("outer", r -> null))
          .getMessage().contains("expected block 'outer'"));
    }
    try (ModelReader in = ModelReader.open(file, TOY)) {
      assertTrue(assertThrows(FileFormatException.class, () -> in.block("values", r -> null))
          .getMessage().contains("block 'values' has 16 unread bytes"));
    }
  }

  private static byte[] withCrc(byte[] body) {
    CRC32 crc = new CRC32();
    crc.update(body);
    return ByteBuffer.allocate(body.length + 4).put(body).putInt((int) crc.getValue()).array();
  }
}
