package dev.kumo.cli;

import dev.kumo.export.Feed;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The {@code -o} and {@code -O} options (a picocli mixin): Scrapy's feed syntax {@code path[:format]}. */
public final class FeedOptions {
  @Option(names = "-o", paramLabel = "FILE[:FORMAT]", converter = AppendConverter.class,
      description = "Appends items to FILE (repeatable). The format comes from the extension (.jsonl, .jl, "
          + ".json, .csv) or a :jsonl, :json or :csv suffix.")
  private List<Feed> append = new ArrayList<>();

  @Option(names = "-O", paramLabel = "FILE[:FORMAT]", converter = OverwriteConverter.class,
      description = "Overwrites FILE with the items (repeatable); formats as for -o.")
  private List<Feed> overwrite = new ArrayList<>();

  /** Every feed given, {@code -o} ones first. */
  public List<Feed> feeds() {
    List<Feed> all = new ArrayList<>(append);
    all.addAll(overwrite);
    Set<Path> paths = new HashSet<>();
    for (Feed f : all) {
      if (!paths.add(f.path().toAbsolutePath().normalize())) {
        throw CliException.usage("two feeds write to " + f.path() + ": give each -o/-O its own file");
      }
    }
    return all;
  }

  private static Feed parse(String spec, boolean overwrite) {
    try {
      return Feed.parse(spec, overwrite);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }

  /** Converts an {@code -o} argument to an appending {@link Feed}. */
  public static final class AppendConverter implements ITypeConverter<Feed> {
    @Override
    public Feed convert(String value) {
      return parse(value, false);
    }
  }

  /** Converts an {@code -O} argument to an overwriting {@link Feed}. */
  public static final class OverwriteConverter implements ITypeConverter<Feed> {
    @Override
    public Feed convert(String value) {
      return parse(value, true);
    }
  }
}
