package dev.kumo.spec;

import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A spider file that cannot be loaded: bad syntax, an unknown key, a wrong type, a missing key, a bad
 * regex or selector, or a reference to an undefined item rule. The message reads well on its own:
 *
 * <pre>{@code
 * books.yaml:12: rules[1].allow[0]: invalid regex '([a-z]+': Unclosed group near index 7
 * }</pre>
 *
 * <p>A file with several errors gives one exception listing all of them, one per line ({@link #problems()}).
 */
public final class SpecException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final String field;
  private final String detail;
  private final List<SpecException> problems;

  /**
   * An error in {@code file} at {@code line} (or -1 when unknown) about {@code field} (a path like
   * {@code rules[1].allow[0]}, or "" for the whole file).
   */
  public SpecException(String file, int line, String field, String detail) {
    this(file, line, field, detail, null);
  }

  /** As {@link #SpecException(String, int, String, String)}, with the underlying cause. */
  public SpecException(String file, int line, String field, String detail, @Nullable Throwable cause) {
    super(format(file, line, field, detail), cause);
    this.file = file;
    this.line = line;
    this.field = field;
    this.detail = detail;
    this.problems = List.of(this);
  }

  private SpecException(List<SpecException> problems) {
    super(problems.stream().map(Throwable::getMessage).collect(Collectors.joining(System.lineSeparator())),
        problems.getFirst());
    SpecException first = problems.getFirst();
    this.file = first.file;
    this.line = first.line;
    this.field = first.field;
    this.detail = first.detail;
    this.problems = List.copyOf(problems);
  }

  /** Every error of {@code problems} in one exception: the first one's location, all their messages. */
  static SpecException all(List<SpecException> problems) {
    return problems.size() == 1 ? problems.getFirst() : new SpecException(problems);
  }

  /** Every error found in the file, in file order of parsing; just this one for a single error. */
  public List<SpecException> problems() {
    return problems;
  }

  private static String format(String file, int line, String field, String detail) {
    return file + (line > 0 ? ":" + line : "") + ": " + (field.isEmpty() ? "" : field + ": ") + detail;
  }

  /** The file name, as given to the loader. */
  public String file() {
    return file;
  }

  /** The 1-based line of the offending key or value, or -1 when unknown. */
  public int line() {
    return line;
  }

  /** The path of the offending key, e.g. {@code items.book.fields.price.css}; "" for the whole file. */
  public String field() {
    return field;
  }

  /** What is wrong, without the file, line and field. */
  public String detail() {
    return detail;
  }
}
