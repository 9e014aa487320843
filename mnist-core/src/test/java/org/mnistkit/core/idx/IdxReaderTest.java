package org.mnistkit.core.idx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mnistkit.core.testing.IdxFixtures.concat;
import static org.mnistkit.core.testing.IdxFixtures.gzip;
import static org.mnistkit.core.testing.IdxFixtures.header;
import static org.mnistkit.core.testing.TestAssertions.assertThrowsWithMessage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mnistkit.core.testing.IdxFixtures;

class IdxReaderTest {

  @TempDir Path dir;

  static Stream<Arguments> everyTypeAndRank() {
    return Stream.of(
        Arguments.of(IdxArray.ofUnsignedBytes(new byte[] {0, 1, (byte) 200, (byte) 255}, 4)),
        Arguments.of(IdxArray.ofBytes(new byte[] {-128, -1, 0, 127, 5, 6}, 2, 3)),
        Arguments.of(IdxArray.ofShorts(new short[] {Short.MIN_VALUE, -1, 0, 1, Short.MAX_VALUE, 7, 8, 9}, 2, 2, 2)),
        Arguments.of(IdxArray.ofInts(new int[] {Integer.MIN_VALUE, -7, 0, Integer.MAX_VALUE}, 1, 1, 2, 1, 2)),
        Arguments.of(IdxArray.ofFloats(new float[] {-0f, 1.5f, Float.NaN, Float.MIN_VALUE, 3e38f, -2f}, 3, 2)),
        Arguments.of(IdxArray.ofDoubles(new double[] {Math.PI, -Math.E, 1e-300, Double.NEGATIVE_INFINITY}, 4, 1)));
  }

  @ParameterizedTest
  @MethodSource("everyTypeAndRank")
  void roundTripsPlainAndGzipThroughFilesAndStreams(IdxArray array) throws IOException {
    for (IdxWriter.Compression c : IdxWriter.Compression.values()) {
      // the name says nothing about compression: detection is by content
      Path file = dir.resolve("array-" + c + ".idx");
      IdxWriter.write(array, file, c);
      assertEquals(array, IdxReader.read(file), c.toString());
      assertEquals(array, IdxReader.read(Files.newInputStream(file), "stream"), c + " stream");
    }
    assertArrayEquals(array.shape(), IdxReader.read(new ByteArrayInputStream(IdxFixtures.bytes(array)), "s").shape());
  }

  @Test
  void readsBigEndianValuesWrittenByHand() throws IOException {
    byte[] file = concat(header(0x0B, 2), new byte[] {0x01, 0x02, (byte) 0xFF, (byte) 0xFE});
    IdxArray a = IdxReader.read(IdxFixtures.write(dir, "s", file));
    assertEquals(IdxType.SHORT, a.type());
    assertEquals(0x0102, a.getInt(0));
    assertEquals(-2, a.getInt(1));
  }

  @Test
  void ubyteReadsAsUnsigned() throws IOException {
    IdxArray a = IdxReader.read(IdxFixtures.write(dir, "u", concat(header(0x08, 2), new byte[] {(byte) 255, (byte) 128})));
    assertArrayEquals(new int[] {255, 128}, a.toIntArray());
  }

  @Test
  void readsHighRank() throws IOException {
    int[] dims = new int[255];
    java.util.Arrays.fill(dims, 1);
    IdxArray a = IdxReader.read(IdxFixtures.write(dir, "r", concat(header(0x08, dims), new byte[] {42})));
    assertEquals(255, a.rank());
    assertEquals(42, a.getInt(0));
  }

  @Test
  void rejectsWrongMagic() {
    Path f = write("bad-magic", concat(new byte[] {0x01, 0x00, 0x08, 0x01}, new byte[] {0, 0, 0, 1, 7}));
    assertThrowsWithMessage(IdxFormatException.class, () -> IdxReader.read(f), f.toString(),
        "two zero bytes", "0x01 0x00");
  }

  @Test
  void rejectsUnknownTypeCode() {
    Path f = write("bad-type", concat(header(0x0A, 1), new byte[] {7}));
    assertThrowsWithMessage(IdxFormatException.class, () -> IdxReader.read(f), "bad-type",
        "unknown element type code 0x0A", "ubyte (0x08)");
  }

  @Test
  void rejectsZeroRank() {
    Path f = write("rank0", header(0x08));
    assertThrowsWithMessage(IdxFormatException.class, () -> IdxReader.read(f), "rank0", "rank", "is 0");
  }

  @Test
  void rejectsZeroAndNegativeDimensions() {
    Path zero = write("zero", concat(header(0x08, 3, 0)));
    assertThrowsWithMessage(IdxFormatException.class, () -> IdxReader.read(zero), "zero",
        "dimension 1 of 2 is 0", ">= 1");
    Path neg = write("neg", concat(header(0x08, -5)));
    assertThrowsWithMessage(IdxFormatException.class, () -> IdxReader.read(neg), "dimension 0 of 1 is -5");
  }

  @Test
  void rejectsElementCountOverflow() {
    int big = Integer.MAX_VALUE;
    Path f = write("overflow", header(0x08, big, big, big));
    assertThrowsWithMessage(IdxFormatException.class, () -> IdxReader.read(f), "overflow",
        "overflows a 64-bit integer");
  }

  @Test
  void rejectsMoreElementsThanAnArrayHolds() {
    Path f = write("too-many", header(0x0D, 65536, 65536));
    assertThrowsWithMessage(IdxFormatException.class, () -> IdxReader.read(f), "too-many",
        "4294967296 elements", "at most 2147483639");
  }

  @Test
  void aTwentyByteFileClaimingABillionElementsFailsWithoutAllocatingThem() throws IOException {
    byte[] file = concat(header(0x0E, 1000, 1000, 1000), new byte[4]); // 20 bytes, claims 8 GB of doubles
    assertEquals(20, file.length);
    // would need more than 2^31 elements? no: 1e9 doubles fit an array but not this heap (-Xmx4g)
    Path plain = write("claims-1e9", file);
    assertThrowsWithMessage(IdxFormatException.class, () -> IdxReader.read(plain), "claims-1e9",
        "truncated", "8000000000 data bytes", "only 4 follow");
    assertThrowsWithMessage(IdxFormatException.class,
        () -> IdxReader.read(new ByteArrayInputStream(gzip(file)), "claims-1e9.gz"), "claims-1e9.gz",
        "truncated", "only 4 follow");
    assertThrowsWithMessage(IdxFormatException.class,
        () -> IdxReader.read(new ByteArrayInputStream(file), "stream"), "only 4 follow");
  }

  @Test
  void rejectsDataShortByOneByte() throws IOException {
    byte[] full = concat(header(0x0C, 2, 2), new byte[16]);
    byte[] cut = java.util.Arrays.copyOf(full, full.length - 1);
    Path f = write("short", cut);
    assertThrowsWithMessage(IdxFormatException.class, () -> IdxReader.read(f), "short",
        "promises 16 data bytes but only 15 follow");
    assertThrowsWithMessage(IdxFormatException.class, () -> IdxReader.read(new ByteArrayInputStream(gzip(cut)), "g"),
        "promises 16 data bytes but only 15 follow");
  }

  @Test
  void rejectsTrailingBytes() throws IOException {
    byte[] file = concat(header(0x08, 3), new byte[] {1, 2, 3, 4, 5});
    Path f = write("trailing", file);
    assertThrowsWithMessage(IdxFormatException.class, () -> IdxReader.read(f), "trailing",
        "2 trailing bytes after the 3 data bytes");
    assertThrowsWithMessage(IdxFormatException.class,
        () -> IdxReader.read(new ByteArrayInputStream(gzip(file)), "gz"), "2 trailing bytes");
  }

  @Test
  void rejectsTruncatedHeaderAndEmptyInput() {
    Path f = write("hdr", new byte[] {0, 0, 8, 3, 0, 0, 0, 1});
    assertThrowsWithMessage(IdxFormatException.class, () -> IdxReader.read(f), "header truncated",
        "rank 3 needs 12 bytes", "found 4");
    Path empty = write("empty", new byte[0]);
    assertThrowsWithMessage(IdxFormatException.class, () -> IdxReader.read(empty), "empty",
        "only 0 bytes");
  }

  @Test
  void rejectsCorruptGzip() throws IOException {
    byte[] gz = gzip(concat(header(0x08, 1000), new byte[1000]));
    byte[] cut = java.util.Arrays.copyOf(gz, gz.length / 2);
    Path f = write("cut.gz", cut);
    assertThrowsWithMessage(IdxFormatException.class, () -> IdxReader.read(f), "cut.gz");
  }

  private Path write(String name, byte[] content) {
    try {
      return IdxFixtures.write(dir, name, content);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
