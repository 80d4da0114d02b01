package dev.kumo.export;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The process's standard output as a feed's stream ({@code -o -}): unbuffered writes straight to the file
 * descriptor, and a close that leaves it open for the rest of the process.
 */
final class StandardOutput extends OutputStream {
  private final FileOutputStream out = new FileOutputStream(FileDescriptor.out);

  @Override
  public void write(int b) throws IOException {
    out.write(b);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
  }

  @Override
  public void close() {
    // standard output stays open: the process may print more after the feed
  }
}
