package org.mnistkit.core.data;

import java.io.BufferedInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mnistkit.core.idx.IdxArray;
import org.mnistkit.core.idx.IdxReader;
import org.mnistkit.core.io.FileFormatException;

/**
 * Reads {@code train.csv} and {@code test.csv} ({@link DataFormat#CSV}) with Apache Commons CSV,
 * streaming: one row per image, integer pixels 0..255 in row-major order, a square number of them;
 * integer labels 0..255 placed as {@link CsvLabelColumn} says. Memory grows with the rows actually
 * read (one byte per pixel), and a line longer than {@link #MAX_LINE_CHARS} fails before it is held.
 */
final class CsvImagesReader {

  /** The longest line accepted, in characters: room for a 500 x 500 image. */
  static final int MAX_LINE_CHARS = 1 << 20;

  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(false).get();

  private CsvImagesReader() {}

  static MnistDataset read(Path dir, CsvLabelColumn labelColumn) throws IOException {
    RawSplit train = readSplit(locate(dir, "train.csv"), labelColumn);
    RawSplit test = readSplit(locate(dir, "test.csv"), labelColumn);
    return RawSplit.assemble(dir, DataFormat.CSV, train, test, null);
  }

  private static Path locate(Path dir, String name) throws NoSuchFileException {
    Path p = DatasetCache.locate(dir, name);
    if (p == null) {
      throw new NoSuchFileException(dir.resolve(name).toString(), null,
          "missing (looked for " + name + " and " + name + ".gz)");
    }
    return p;
  }

  /** Reads one file into images and labels (null when it has no label column). */
  static RawSplit readSplit(Path file, CsvLabelColumn labelColumn) throws IOException {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
        Reader text = new LineLimitReader(new InputStreamReader(
            IdxReader.isGzip(raw) ? new GZIPInputStream(raw) : raw, StandardCharsets.UTF_8), file);
        CSVParser parser = FORMAT.parse(text)) {
      Iterator<CSVRecord> rows = parser.iterator();
      if (!next(rows, file)) {
        throw new FileFormatException(file, "is empty; expected rows of a label and pixel values 0..255");
      }
      CSVRecord first = rows.next();
      Layout layout = Layout.of(file, first, labelColumn);
      Buffer buf = new Buffer(file, layout);
      if (!layout.header) {
        buf.add(first);
      }
      while (next(rows, file)) {
        buf.add(rows.next());
      }
      if (buf.n == 0) {
        throw new FileFormatException(file, "has a header but no rows");
      }
      return buf.split();
    }
  }

  private static boolean next(Iterator<CSVRecord> rows, Path file) throws IOException {
    try {
      return rows.hasNext();
    } catch (UncheckedIOException e) {
      // Commons CSV wraps its own parse errors (and our line limit) in UncheckedIOException
      if (e.getCause() instanceof FileFormatException f) {
        throw f;
      }
      throw new FileFormatException(file, "is not valid CSV: " + e.getCause().getMessage(), e.getCause());
    }
  }

  /** Which columns hold the label and the pixels, from the first row. */
  private record Layout(boolean header, int columns, int labelIndex, int side, List<String> names) {

    static Layout of(Path file, CSVRecord first, CsvLabelColumn choice) throws FileFormatException {
      List<String> values = first.toList();
      int c = values.size();
      boolean header = values.stream().noneMatch(CsvImagesReader::isInteger);
      int label = switch (choice) {
        case FIRST -> 0;
        case LAST -> c - 1;
        case NONE -> -1;
        case AUTO -> header ? labelByName(values) : labelByCount(file, c);
      };
      int pixels = label < 0 ? c : c - 1;
      int side = (int) Math.round(Math.sqrt(pixels));
      if (pixels < 1 || side * side != pixels) {
        throw new FileFormatException(file, String.format(Locale.ROOT,
            "line 1 has %d columns, so %d pixels%s, which is not a square image (28 x 28 needs 784 pixels)", c,
            pixels, label < 0 ? "" : " and a label"));
      }
      return new Layout(header, c, label, side, header ? values : null);
    }

    private static int labelByName(List<String> names) {
      for (int i = 0; i < names.size(); i++) {
        if (names.get(i).equalsIgnoreCase("label")) {
          return i;
        }
      }
      return -1;
    }

    private static int labelByCount(Path file, int c) throws FileFormatException {
      if (isSquare(c)) {
        return -1;
      }
      if (isSquare(c - 1)) {
        return 0;
      }
      throw new FileFormatException(file, String.format(Locale.ROOT,
          "line 1 has %d columns: neither %d (no label) nor %d (a label first) is a square number of pixels; "
              + "28 x 28 images need 784 or 785 columns", c, c, c - 1));
    }

    private static boolean isSquare(int v) {
      int s = (int) Math.round(Math.sqrt(v));
      return v > 0 && s * s == v;
    }

    String column(int i) {
      return names == null ? Integer.toString(i + 1) : (i + 1) + " (" + names.get(i) + ")";
    }
  }

  /** Growing storage for the rows read so far. */
  private static final class Buffer {
    private final Path file;
    private final Layout layout;
    private final int pixels;
    private byte[] px;
    private int[] labels;
    private int n;

    Buffer(Path file, Layout layout) {
      this.file = file;
      this.layout = layout;
      this.pixels = layout.side * layout.side;
      int rows = Math.max(1, Math.min(64, (1 << 20) / pixels));
      this.px = new byte[rows * pixels];
      this.labels = new int[rows];
    }

    void add(CSVRecord row) throws FileFormatException {
      long line = row.getRecordNumber();
      if (row.size() != layout.columns) {
        throw new FileFormatException(file, String.format(Locale.ROOT,
            "line %d has %d values but line 1 has %d; every row needs %s%d pixels", line, row.size(),
            layout.columns, layout.labelIndex < 0 ? "" : "a label and ", pixels));
      }
      if ((long) (n + 1) * pixels > IdxArray.MAX_ELEMENTS) {
        throw new FileFormatException(file, String.format(Locale.ROOT,
            "line %d: more than %d images of %d pixels exceed the %d-element limit of one array", line, n, pixels,
            IdxArray.MAX_ELEMENTS));
      }
      if (n == labels.length) {
        int grown = (int) Math.min((long) labels.length * 2, IdxArray.MAX_ELEMENTS / pixels);
        labels = Arrays.copyOf(labels, grown);
        px = Arrays.copyOf(px, grown * pixels);
      }
      int at = n * pixels;
      for (int i = 0; i < layout.columns; i++) {
        int v = value(row.get(i), line, i);
        if (i == layout.labelIndex) {
          labels[n] = v;
        } else {
          px[at++] = (byte) v;
        }
      }
      n++;
    }

    private int value(String text, long line, int column) throws FileFormatException {
      String what = column == layout.labelIndex ? "label" : "pixel";
      if (!isInteger(text)) {
        throw new FileFormatException(file, String.format(Locale.ROOT,
            "line %d, column %s: '%s' is not an integer; a %s must be an integer in 0..255", line,
            layout.column(column), text, what));
      }
      int v = text.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(text);
      if (v < 0 || v > 255) {
        throw new FileFormatException(file, String.format(Locale.ROOT,
            "line %d, column %s: %s %s is outside 0..255", line, layout.column(column), what, text));
      }
      return v;
    }

    RawSplit split() {
      IdxArray images = IdxArray.ofUnsignedBytes(Arrays.copyOf(px, n * pixels), n, layout.side, layout.side);
      return new RawSplit(file, images, layout.labelIndex < 0 ? null : Arrays.copyOf(labels, n));
    }
  }

  /** An optional sign followed by 1 or more ASCII digits. */
  static boolean isInteger(String s) {
    int start = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
    if (s.length() == start) {
      return false;
    }
    for (int i = start; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** Fails a line longer than {@link #MAX_LINE_CHARS} while it is read, before the parser holds it. */
  private static final class LineLimitReader extends FilterReader {
    private final Path file;
    private long line = 1;
    private int length;

    LineLimitReader(Reader in, Path file) {
      super(in);
      this.file = file;
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      if (c >= 0) {
        count((char) c);
      }
      return c;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
      int r = super.read(buf, off, len);
      for (int i = 0; i < r; i++) {
        count(buf[off + i]);
      }
      return r;
    }

    private void count(char c) throws FileFormatException {
      if (c == '\n') {
        line++;
        length = 0;
      } else if (++length > MAX_LINE_CHARS) {
        throw new FileFormatException(file, String.format(Locale.ROOT,
            "line %d is longer than %d characters; a row holds one image of at most 500 x 500 pixels", line,
            MAX_LINE_CHARS));
      }
    }
  }
}
