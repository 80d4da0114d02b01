package dev.kumo.engine;

import dev.kumo.Headers;
import dev.kumo.Request;

/**
 * The steps {@code dev.kumo.middleware.builtin.DefaultHeaders} and {@code ...UserAgent}: set each of
 * {@code defaults} that a request does not set itself. A crawl's transport adds no headers of its own, so with
 * a step disabled ({@code none}) its headers are not sent (a library client may still add its own
 * {@code User-Agent}: OkHttp, Apache HttpClient and the JDK's client do; {@code socket} does not).
 *
 * @param name the step's name
 * @param defaults the headers to set
 */
record HeaderDefaultsStep(String name, Headers defaults) implements DownloadStep {
  @Override
  public StepDecision onRequest(Request request) {
    Headers merged = withDefaults(request.headers(), defaults);
    return new StepDecision.Proceed(merged == request.headers() ? request
        : request.toBuilder().headers(merged).build());
  }

  /** {@code own} with each header of {@code defaults} that it does not set; {@code own} itself when none. */
  static Headers withDefaults(Headers own, Headers defaults) {
    Headers merged = own;
    for (String header : defaults.names()) {
      if (!own.contains(header)) {
        for (String value : defaults.all(header)) {
          merged = merged.with(header, value);
        }
      }
    }
    return merged;
  }
}
