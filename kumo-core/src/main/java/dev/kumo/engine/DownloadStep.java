package dev.kumo.engine;

import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.download.DownloadException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One step around the download, Kumo's own (robots.txt, default headers, user agent) or a user's downloader
 * middleware ({@link UserDownloadStep}): it decides, {@link DownloaderChain} applies. Thread-safe.
 */
interface DownloadStep {
  /** Before the download: {@link StepDecision.Proceed} by default. */
  default StepDecision onRequest(Request request) throws Exception {
    return new StepDecision.Proceed(request);
  }

  /** With the response: {@link StepDecision.Respond} (this response) by default. */
  default StepDecision onResponse(Request request, Response response) throws Exception {
    return new StepDecision.Respond(response);
  }

  /** After a failed download: null (pass the failure on) by default. */
  default @Nullable StepDecision onException(Request request, DownloadException failure) throws Exception {
    return null;
  }

  /** Counters the step keeps itself, added to the crawl's stats at its end (the non-zero ones). */
  default Map<String, Long> counters() {
    return Map.of();
  }

  /** The step's name in logs and stats: its class name, or Kumo's name for a built-in step. */
  String name();
}
