package dev.kumo.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A record's components as plain item fields, in declaration order: strings, numbers, booleans and null as they
 * are; enums by name; nested records as maps; collections as lists; maps with their keys as text; optionals
 * as their value or null; anything else as its {@code toString()}.
 */
public final class RecordFields {
  private RecordFields() {}

  /** The fields of {@code record}. */
  public static Map<String, @Nullable Object> of(Record record) {
    Map<String, @Nullable Object> fields = new LinkedHashMap<>();
    for (RecordComponent c : record.getClass().getRecordComponents()) {
      fields.put(c.getName(), plain(read(record, c)));
    }
    return fields;
  }

  private static @Nullable Object read(Record record, RecordComponent c) {
    try {
      var accessor = c.getAccessor();
      accessor.setAccessible(true);
      return accessor.invoke(record);
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException("reading " + c.getName() + " of " + record.getClass().getName()
          + " failed: " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalArgumentException("cannot read " + c.getName() + " of " + record.getClass().getName()
          + ": " + e.getMessage(), e);
    }
  }

  private static @Nullable Object plain(@Nullable Object value) {
    return switch (value) {
      case null -> null;
      case String s -> s;
      case Number n -> n;
      case Boolean b -> b;
      case Enum<?> e -> e.name();
      case Record r -> of(r);
      case Optional<?> o -> plain(o.orElse(null));
      case Collection<?> c -> {
        List<@Nullable Object> list = new ArrayList<>(c.size());
        c.forEach(v -> list.add(plain(v)));
        yield list;
      }
      case Map<?, ?> m -> {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        m.forEach((k, v) -> map.put(String.valueOf(k), plain(v)));
        yield map;
      }
      default -> value.toString();
    };
  }
}
