package dev.kumo.testsite;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A response body stream that calls {@link Call#finishing()} just before the client can have the whole body:
 * before the last byte of a fixed-length body, or before closing (which sends the last chunk) a chunked one.
 */
final class FinishingOutputStream extends FilterOutputStream {
  private final Call call;
  private final boolean fixedLength;
  private long remaining;

  /** {@code length} is the Content-Length, or negative for a chunked body. */
  FinishingOutputStream(OutputStream out, Call call, long length) {
    super(out);
    this.call = call;
    this.fixedLength = length >= 0;
    this.remaining = length;
  }

  @Override
  public void write(int b) throws IOException {
    if (fixedLength && remaining == 1) {
      call.finishing();
    }
    out.write(b);
    remaining--;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (fixedLength && remaining > 0 && len >= remaining && !call.finished()) {
      int allButLast = (int) remaining - 1;
      out.write(b, off, allButLast);
      call.finishing();
      out.write(b, off + allButLast, len - allButLast);
    } else {
      out.write(b, off, len);
    }
    remaining -= len;
  }

  @Override
  public void close() throws IOException {
    call.finishing();
    out.close();
  }
}
