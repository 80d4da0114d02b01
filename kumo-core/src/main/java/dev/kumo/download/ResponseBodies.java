package dev.kumo.download;

import dev.kumo.Headers;
import dev.kumo.Request;
import dev.kumo.Response;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first and last steps of every transport: a share of the body budget for each download; then the content
 * encoding decoded within the limits, the first body over {@code download_warnsize} logged once, and the
 * {@link Response} built, owning the share until it is released.
 */
final class ResponseBodies {
  private static final Logger log = LoggerFactory.getLogger(ResponseBodies.class);

  private final TransportConfig config;
  private final AtomicBoolean warnedLarge = new AtomicBoolean();

  ResponseBodies(TransportConfig config) {
    this.config = config;
  }

  /** A share of the crawl's body budget for one download of {@code url} ending by {@code deadlineNanos}. */
  BodyHold hold(String url, long deadlineNanos) {
    return config.hold(url, deadlineNanos);
  }

  /** A share for one download of {@code url} that starts now, within the total timeout. */
  BodyHold hold(String url) {
    return hold(url, System.nanoTime() + config.totalTimeout().toNanos());
  }

  Response response(Request request, int status, Headers headers, BodyBuffer raw)
      throws DownloadException, IOException {
    return response(request, status, headers, raw, "http/1.1");
  }

  /**
   * The response, received over {@code protocol} ({@code http/1.1} or {@code h2}); it takes over the share of the
   * budget that {@code raw} holds, given back by {@link Response#release()}.
   */
  Response response(Request request, int status, Headers headers, BodyBuffer raw, String protocol)
      throws DownloadException, IOException {
    byte[] body = ContentDecoder.decode(raw, headers.first("Content-Encoding"), config, request.url());
    if (config.warnSize() > 0 && body.length > config.warnSize() && warnedLarge.compareAndSet(false, true)) {
      log.warn("{} is {} bytes, over download_warnsize ({} bytes); further large responses are not logged",
          request.url(), body.length, config.warnSize());
    }
    return Response.to(request).status(status).headers(headers).body(body).protocol(protocol)
        .onRelease(raw.hold().handOver()).build();
  }
}
