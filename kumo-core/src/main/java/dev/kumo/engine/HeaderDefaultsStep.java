package dev.kumo.engine;

import dev.kumo.Headers;
import dev.kumo.Request;

/**
 * The steps {@code dev.kumo.middleware.builtin.DefaultHeaders} and {@code ...UserAgent}: set each of
 * {@code defaults} that a request does not set itself, so that later middlewares see them (the transport still
 * sends its own defaults for the headers a request leaves out).
 *
 * @param name the step's name
 * @param defaults the headers to set
 */
record HeaderDefaultsStep(String name, Headers defaults) implements DownloadStep {
  @Override
  public StepDecision onRequest(Request request) {
    Headers own = request.headers();
    Headers merged = own;
    for (String header : defaults.names()) {
      if (!own.contains(header)) {
        for (String value : defaults.all(header)) {
          merged = merged.with(header, value);
        }
      }
    }
    return new StepDecision.Proceed(merged == own ? request : request.toBuilder().headers(merged).build());
  }
}
