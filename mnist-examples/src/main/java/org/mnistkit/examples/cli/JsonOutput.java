package org.mnistkit.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;

/**
 * Writes a command's result record as one JSON object on stdout. Record components named in
 * camelCase become snake_case keys ({@code loadSeconds} becomes {@code load_seconds}).
 */
public final class JsonOutput {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

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

  /** Prints {@link #toJson} of the result and a newline to the stream. */
  public static void print(Object result, PrintWriter out) {
    out.println(toJson(result));
    out.flush();
  }
}
