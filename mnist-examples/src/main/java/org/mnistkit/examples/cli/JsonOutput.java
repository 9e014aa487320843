package org.mnistkit.examples.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * Writes a command's result record as one JSON object on stdout. Record components named in
 * camelCase become snake_case keys ({@code loadSeconds} becomes {@code load_seconds}); numbers are
 * written at full precision, and a NaN or an infinity (a value not measured) as {@code null}.
 */
public final class JsonOutput {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .registerModule(new SimpleModule("mnistkit-non-finite")
          .addSerializer(Double.class, new NonFinite<>(Double.class))
          .addSerializer(double.class, new NonFinite<>(double.class))
          .addSerializer(Float.class, new NonFinite<>(Float.class))
          .addSerializer(float.class, new NonFinite<>(float.class))
          .addSerializer(double[].class, new NonFiniteArray()));

  /**
   * A number that JSON cannot hold (NaN, an infinity: "not measured", such as the vote accuracy
   * when no test image was placed) written as {@code null}, not as the string {@code "NaN"} that a
   * reader would take for text; a finite number at full precision, as Jackson writes it.
   */
  private static final class NonFinite<T extends Number> extends StdSerializer<T> {
    NonFinite(Class<T> type) {
      super(type);
    }

    @Override
    public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      double d = value.doubleValue();
      if (!Double.isFinite(d)) {
        gen.writeNull();
      } else if (value instanceof Float f) {
        gen.writeNumber(f);
      } else {
        gen.writeNumber(d);
      }
    }
  }

  private JsonOutput() {}

  /**
   * @param result a record or map
   * @return its JSON text on one line
   * @throws IllegalStateException when it cannot be serialized (a programming error)
   */
  public static String toJson(Object result) {
    try {
      return MAPPER.writeValueAsString(result);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + result.getClass().getName() + " as JSON", e);
    }
  }

  /** A {@code double[]} (singular values, per-class scores) whose non-finite entries are {@code null}. */
  private static final class NonFiniteArray extends StdSerializer<double[]> {
    NonFiniteArray() {
      super(double[].class);
    }

    @Override
    public void serialize(double[] values, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeStartArray(values, values.length);
      for (double d : values) {
        if (Double.isFinite(d)) {
          gen.writeNumber(d);
        } else {
          gen.writeNull();
        }
      }
      gen.writeEndArray();
    }
  }

  /** Prints {@link #toJson} of the result and a newline to the stream. */
  public static void print(Object result, PrintWriter out) {
    out.println(toJson(result));
    out.flush();
  }

  /**
   * Prints the result as {@link #print} does, with one key added last: {@code peak_heap_mib}, the
   * JVM's peak heap use so far in MiB (the sum of the heap pools' peak usage; see the commands that
   * fit a model), so that a benchmark can read the memory a step needed from the same JSON.
   *
   * @param result a record whose JSON is an object
   * @param out the stream
   * @throws IllegalStateException when the result is not written as a JSON object (a programming error)
   */
  public static void printWithPeakHeap(Object result, PrintWriter out) {
    JsonNode node = MAPPER.valueToTree(result);
    if (!(node instanceof ObjectNode object)) {
      throw new IllegalStateException(result.getClass().getName() + " is not written as a JSON object");
    }
    object.put("peak_heap_mib", PeakHeap.mib());
    print(object, out);
  }
}
