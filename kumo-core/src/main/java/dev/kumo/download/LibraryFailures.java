package dev.kumo.download;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/** Maps a library client's I/O failure to a {@link DownloadException} with a stable reason. */
final class LibraryFailures {
  private LibraryFailures() {}

  /**
   * The failure for {@code e}, thrown while fetching {@code url}.
   *
   * @param timedOut whether Kumo's own deadline cancelled the call
   */
  static DownloadException of(String url, IOException e, boolean timedOut) {
    if (e.getCause() instanceof DownloadException d) {
      return d;
    }
    if (timedOut || e instanceof SocketTimeoutException
        || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()))) {
      return new DownloadException(DownloadException.TIMEOUT, "timed out fetching " + url + ": " + e.getMessage(), e);
    }
    if (e instanceof ConnectException || e instanceof NoRouteToHostException || e instanceof UnknownHostException) {
      return new DownloadException(DownloadException.CONNECT, "cannot connect for " + url + ": " + e, e);
    }
    return new DownloadException(DownloadException.IO, "failed to fetch " + url + ": " + e, e);
  }
}
