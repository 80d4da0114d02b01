package dev.kumo.cli;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The main class of the child JVMs {@link ProcessExitTest} starts: does what its arguments say, prints a line
 * without flushing it, then ends through {@link ProcessExit#exit}. Arguments: the exit code, then any of
 * {@code get=URL} (reads URL on a virtual thread, which starts the JDK's poller), {@code hook} (registers a
 * shutdown hook that prints "hook ran" on stderr), {@code delete=PATH} (marks PATH delete-on-exit).
 */
final class ExitProbe {
  private ExitProbe() {}

  public static void main(String[] args) throws Exception {
    int code = Integer.parseInt(args[0]);
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      if (arg.startsWith("get=")) {
        URI uri = URI.create(arg.substring("get=".length()));
        Thread.ofVirtual().start(() -> read(uri)).join();
      } else if (arg.equals("hook")) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.err.println("hook ran")));
      } else if (arg.startsWith("delete=")) {
        new File(arg.substring("delete=".length())).deleteOnExit();
      } else {
        throw new IllegalArgumentException(arg);
      }
    }
    System.err.println("why-normal: " + ProcessExit.whyNormal().orElse("none"));
    System.setOut(new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)), false, StandardCharsets.UTF_8));
    System.out.print("unflushed output;"); // buffered until flushed: the exit must flush it
    ProcessExit.exit(code);
  }

  private static void read(URI uri) {
    try (InputStream in = uri.toURL().openStream()) {
      in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
