package dev.kumo.engine;

import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.download.DownloadException;
import dev.kumo.middleware.DownloadAction;
import dev.kumo.middleware.DownloaderMiddleware;
import org.jspecify.annotations.Nullable;

/**
 * A user's {@link DownloaderMiddleware} as a {@link DownloadStep}: its {@link DownloadAction}s become decisions
 * (a drop counted as {@code downloader_middleware/dropped/<reason>}, a reschedule as
 * {@code downloader_middleware/rescheduled}).
 */
record UserDownloadStep(DownloaderMiddleware middleware) implements DownloadStep {
  @Override
  public StepDecision onRequest(Request request) throws Exception {
    return decision(middleware.processRequest(request));
  }

  @Override
  public StepDecision onResponse(Request request, Response response) throws Exception {
    return decision(middleware.processResponse(request, response));
  }

  @Override
  public @Nullable StepDecision onException(Request request, DownloadException failure) throws Exception {
    DownloadAction action = middleware.processException(request, failure);
    return action == null ? null : decision(action);
  }

  @Override
  public String name() {
    return middleware.getClass().getName();
  }

  /** The decision an action stands for; null for a null action (which no hook but the exception one may return). */
  private static @Nullable StepDecision decision(@Nullable DownloadAction action) {
    return switch (action) {
      case DownloadAction.Proceed p -> new StepDecision.Proceed(p.request());
      case DownloadAction.Respond r -> new StepDecision.Respond(r.response());
      case DownloadAction.Reschedule r -> new StepDecision.Schedule(r.request(), "downloader_middleware/rescheduled");
      case DownloadAction.Drop d -> new StepDecision.Drop("downloader_middleware/dropped/" + d.reason(), true);
      case null -> null;
    };
  }
}
