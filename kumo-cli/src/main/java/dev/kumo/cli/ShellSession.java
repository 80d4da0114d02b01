package dev.kumo.cli;

import dev.kumo.Request;
import dev.kumo.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * What {@code kumo shell} binds in JShell: the current response, {@code fetch(url)} and {@code view()}. The
 * snippets run in this JVM (JShell's local execution engine) and reach the session through {@link #current()}.
 * Used by one thread, the shell's.
 */
public final class ShellSession {
  private static volatile @Nullable ShellSession current;

  private final SpiderSession session;
  private @Nullable Response response;

  ShellSession(SpiderSession session) {
    this.session = session;
  }

  /** The running shell's session. */
  public static ShellSession current() {
    ShellSession s = current;
    if (s == null) {
      throw new IllegalStateException("no kumo shell is running");
    }
    return s;
  }

  static void install(@Nullable ShellSession session) {
    current = session;
  }

  /** The last response fetched, or null before the first fetch. */
  public @Nullable Response response() {
    return response;
  }

  /** Fetches {@code url} (http:// assumed without a scheme) with the session's settings; it becomes the response. */
  public Response fetch(String url) {
    response = session.fetch(url, Request.DEFAULT_CALLBACK);
    return response;
  }

  /** Saves the current response as {@code kumo view} does, opens it in a browser if there is one; its path. */
  public Path view() {
    if (response == null) {
      throw new IllegalStateException("nothing fetched yet: fetch(url) first");
    }
    try {
      Path file = ViewCommand.save(response, null);
      ViewCommand.browse(file);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
