package dev.kumo.download;

import dev.kumo.Headers;
import dev.kumo.Request;
import dev.kumo.Response;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last step of every transport: decodes the content encoding within the size limit, logs the first body
 * over {@code download_warnsize} once, and builds the {@link Response}.
 */
final class ResponseBodies {
  private static final Logger log = LoggerFactory.getLogger(ResponseBodies.class);

  private final TransportConfig config;
  private final AtomicBoolean warnedLarge = new AtomicBoolean();

  ResponseBodies(TransportConfig config) {
    this.config = config;
  }

  Response response(Request request, int status, Headers headers, byte[] rawBody) throws DownloadException {
    return response(request, status, headers, rawBody, "http/1.1");
  }

  /** The response, received over {@code protocol} ({@code http/1.1} or {@code h2}). */
  Response response(Request request, int status, Headers headers, byte[] rawBody, String protocol)
      throws DownloadException {
    byte[] body = ContentDecoder.decode(rawBody, headers.first("Content-Encoding"), config, request.url());
    if (config.warnSize() > 0 && body.length > config.warnSize() && warnedLarge.compareAndSet(false, true)) {
      log.warn("{} is {} bytes, over download_warnsize ({} bytes); further large responses are not logged",
          request.url(), body.length, config.warnSize());
    }
    return Response.to(request).status(status).headers(headers).body(body).protocol(protocol).build();
  }
}
