package dev.kumo.download;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Collects a response body into a {@link BodyBuffer}, and cancels the exchange as soon as the body passes the size
 * limit (or its declared {@code Content-Length} does), so an endless or huge body never fills the heap.
 */
final class LimitedBodySubscriber implements HttpResponse.BodySubscriber<BodyBuffer> {
  private final CompletableFuture<BodyBuffer> result = new CompletableFuture<>();
  private final TransportConfig config;
  private final BodyHold hold;
  private final long declaredLength;
  private final AtomicLong lastActivityNanos;
  private Flow.Subscription subscription;
  private @Nullable BodyBuffer body;

  LimitedBodySubscriber(TransportConfig config, BodyHold hold, long declaredLength, AtomicLong lastActivityNanos) {
    this.config = config;
    this.lastActivityNanos = lastActivityNanos;
    lastActivityNanos.set(System.nanoTime());
    this.hold = hold;
    this.declaredLength = declaredLength;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    this.subscription = s;
    try {
      body = new BodyBuffer(config, hold, declaredLength);
    } catch (DownloadException | IOException e) {
      s.cancel();
      result.completeExceptionally(e);
      return;
    }
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (result.isDone() || body == null) {
      return;
    }
    lastActivityNanos.set(System.nanoTime());
    try {
      for (ByteBuffer b : items) {
        int n = b.remaining();
        body.reserve(n);
        b.get(body.array(), body.size(), n);
        body.advance(n);
      }
    } catch (DownloadException | IOException e) {
      subscription.cancel();
      result.completeExceptionally(e);
    }
  }

  @Override
  public void onError(Throwable throwable) {
    result.completeExceptionally(throwable);
  }

  @Override
  public void onComplete() {
    if (body != null) {
      result.complete(body);
    }
  }

  @Override
  public CompletionStage<BodyBuffer> getBody() {
    return result;
  }
}
