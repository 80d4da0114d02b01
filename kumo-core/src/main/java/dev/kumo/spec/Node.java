package dev.kumo.spec;

import dev.kumo.internal.Nearest;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One value of a parsed spider file with its key path, read with type checks: every wrong type, missing
 * key, unknown key or bad regex becomes a {@link SpecException} naming the file, line and path. An absent
 * key and an explicit {@code null} are the same.
 */
final class Node {
  private final @Nullable Object value;
  private final String path;
  private final String file;
  private final LineTracker lines;

  private Node(@Nullable Object value, String path, String file, LineTracker lines) {
    this.value = value;
    this.path = path;
    this.file = file;
    this.lines = lines;
  }

  static Node root(@Nullable Object value, String file, LineTracker lines) {
    return new Node(value, "", file, lines);
  }

  /** The key path, e.g. {@code rules[0].allow}; "" for the root. */
  String path() {
    return path;
  }

  /** The last key of the path, e.g. {@code allow} for {@code rules[0].allow}. */
  String key() {
    return path.substring(path.lastIndexOf('.') + 1);
  }

  /** Whether the value is present (and not null). */
  boolean present() {
    return value != null;
  }

  /** The plain value (map, list, string, number, boolean), or null. */
  @Nullable Object raw() {
    return value;
  }

  /** An error about this value. */
  SpecException error(String detail) {
    return new SpecException(file, lines.line(path), path, detail);
  }

  /** An error about this value, caused by {@code cause}. */
  SpecException error(String detail, Throwable cause) {
    return new SpecException(file, lines.line(path), path, detail, cause);
  }

  /** This node, which must be a map (or absent) whose keys are all among {@code known}. */
  Node object(List<String> known) throws SpecException {
    for (Map.Entry<String, Node> e : entries().entrySet()) {
      if (!known.contains(e.getKey())) {
        throw e.getValue().error("unknown key '" + e.getKey() + "'; " + Nearest.hint(e.getKey(), known));
      }
    }
    return this;
  }

  /** The value of {@code key} of this map; absent when this is not a map or lacks the key. */
  Node get(String key) {
    Object v = value instanceof Map<?, ?> m ? m.get(key) : null;
    return new Node(v, LineTracker.child(path, key), file, lines);
  }

  /** The entries of this map, in file order; empty when absent. */
  Map<String, Node> entries() throws SpecException {
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw error("expected a map but got " + describe(value));
    }
    Map<String, Node> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put((String) k, new Node(v, LineTracker.child(path, (String) k), file, lines)));
    return Collections.unmodifiableMap(out);
  }

  /** The elements of this list; a single non-list value is read as a list of one; empty when absent. */
  List<Node> list() {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      return List.of(this);
    }
    List<Node> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      out.add(new Node(list.get(i), LineTracker.index(path, i), file, lines));
    }
    return List.copyOf(out);
  }

  /** This node, failing when it is absent. */
  Node required() throws SpecException {
    if (value == null) {
      throw error("required key '" + key() + "' is missing");
    }
    return this;
  }

  /** The string value; fails when absent or not a string. */
  String string() throws SpecException {
    if (!(required().value instanceof String s)) {
      throw error("expected a string but got " + describe(value));
    }
    return s;
  }

  /** The string value, or null when absent. */
  @Nullable String optionalString() throws SpecException {
    return value == null ? null : string();
  }

  /** The string value, which must pass {@code check}. */
  String string(ValueCheck check) throws SpecException {
    String s = string();
    String problem = check.problem(s);
    if (problem != null) {
      throw error(problem);
    }
    return s;
  }

  /** A list of strings, or a single string as a list of one; empty when absent. */
  List<String> strings() throws SpecException {
    return strings(ValueCheck.NONE);
  }

  /** As {@link #strings()}, each passing {@code check}. */
  List<String> strings(ValueCheck check) throws SpecException {
    if (value != null && !(value instanceof List<?>) && !(value instanceof String)) {
      throw error("expected a list of strings but got " + describe(value));
    }
    List<String> out = new ArrayList<>();
    for (Node element : list()) {
      out.add(element.string(check));
    }
    return List.copyOf(out);
  }

  /** The boolean value, or {@code otherwise} when absent. */
  boolean bool(boolean otherwise) throws SpecException {
    if (value == null) {
      return otherwise;
    }
    if (!(value instanceof Boolean b)) {
      throw error("expected true or false but got " + describe(value));
    }
    return b;
  }

  /** The integer value, or {@code otherwise} when absent. */
  int integer(int otherwise) throws SpecException {
    if (value == null) {
      return otherwise;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
      BigInteger big = new BigInteger(value.toString());
      if (big.bitLength() < Integer.SIZE) {
        return big.intValue();
      }
    }
    throw error("expected an integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + " but got "
        + describe(value));
  }

  private static String describe(@Nullable Object v) {
    return switch (v) {
      case null -> "nothing";
      case Map<?, ?> m -> "a map";
      case List<?> l -> "a list";
      case String s -> "the string '" + s + "'";
      case Boolean b -> "the boolean " + b;
      default -> "the number " + v;
    };
  }
}
