package dev.kumo.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.kumo.Item;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Encodes items and values as compact one-line JSON with Jackson's streaming API.
 *
 * <p>Strings, numbers, booleans and null become their JSON counterparts, collections become arrays,
 * maps become objects (keys via {@code String.valueOf}); any other value becomes the JSON string of
 * its {@code toString()}. Not thread-safe: one encoder per exporter.
 */
final class JsonEncoder {
  private static final JsonFactory FACTORY =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private final List<String> fields;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1024);

  /**
   * @param fields the fields to write, in order, skipping those an item lacks; empty for all fields
   */
  JsonEncoder(List<String> fields) {
    this.fields = fields;
  }

  /**
   * {@code item} as a UTF-8 JSON object. The buffer is reused by the next call; the caller may
   * append to it (e.g. a line break) before writing it out with {@link
   * ByteArrayOutputStream#writeTo}, which writes it in one call.
   */
  ByteArrayOutputStream encode(Item item) throws IOException {
    buffer.reset();
    try (JsonGenerator g = FACTORY.createGenerator(buffer)) {
      g.writeStartObject();
      if (fields.isEmpty()) {
        for (Map.Entry<String, @Nullable Object> field : item.fields().entrySet()) {
          g.writeFieldName(field.getKey());
          writeValue(g, field.getValue());
        }
      } else {
        for (String field : fields) {
          if (item.has(field)) {
            g.writeFieldName(field);
            writeValue(g, item.get(field));
          }
        }
      }
      g.writeEndObject();
    }
    return buffer;
  }

  /** {@code value} as JSON text. */
  static String toJson(@Nullable Object value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      writeValue(g, value);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode a value as JSON", e);
    }
    return out.toString();
  }

  private static void writeValue(JsonGenerator g, @Nullable Object value) throws IOException {
    switch (value) {
      case null -> g.writeNull();
      case String s -> g.writeString(s);
      case Boolean b -> g.writeBoolean(b);
      case Integer i -> g.writeNumber(i);
      case Long l -> g.writeNumber(l);
      case Short s -> g.writeNumber(s);
      case Byte b -> g.writeNumber(b);
      case Double d -> g.writeNumber(d);
      case Float f -> g.writeNumber(f);
      case BigInteger i -> g.writeNumber(i);
      case BigDecimal d -> g.writeNumber(d);
      case Number n -> writeOtherNumber(g, n);
      case Map<?, ?> map -> {
        g.writeStartObject();
        for (Map.Entry<?, ?> e : map.entrySet()) {
          g.writeFieldName(String.valueOf(e.getKey()));
          writeValue(g, e.getValue());
        }
        g.writeEndObject();
      }
      case Collection<?> list -> {
        g.writeStartArray();
        for (Object element : list) {
          writeValue(g, element);
        }
        g.writeEndArray();
      }
      default -> g.writeString(value.toString());
    }
  }

  /** A number type Jackson does not know (e.g. {@code AtomicLong}): a number if it reads as one. */
  private static void writeOtherNumber(JsonGenerator g, Number n) throws IOException {
    String text = n.toString();
    BigDecimal decimal;
    try {
      decimal = new BigDecimal(text);
    } catch (NumberFormatException e) {
      g.writeString(text);
      return;
    }
    g.writeNumber(decimal);
  }
}
