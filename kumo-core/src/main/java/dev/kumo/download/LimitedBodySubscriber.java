package dev.kumo.download;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body into one array, and cancels the exchange as soon as the body passes the size
 * limit (or its declared {@code Content-Length} does), so an endless or huge body never fills the heap.
 */
final class LimitedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final TransportConfig config;
  private final String url;
  private final long declaredLength;
  private final java.util.concurrent.atomic.AtomicLong lastActivityNanos;
  private Flow.Subscription subscription;
  private byte[] buffer;
  private int size;

  LimitedBodySubscriber(TransportConfig config, String url, long declaredLength,
      java.util.concurrent.atomic.AtomicLong lastActivityNanos) {
    this.config = config;
    this.lastActivityNanos = lastActivityNanos;
    lastActivityNanos.set(System.nanoTime());
    this.url = url;
    this.declaredLength = declaredLength;
    this.buffer = new byte[(int) Math.min(Math.max(declaredLength, 8 * 1024), 1 << 20)];
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    this.subscription = s;
    if (config.tooLarge(declaredLength)) {
      s.cancel();
      result.completeExceptionally(tooLarge(declaredLength));
      return;
    }
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (result.isDone()) {
      return;
    }
    lastActivityNanos.set(System.nanoTime());
    for (ByteBuffer b : items) {
      int n = b.remaining();
      long newSize = (long) size + n;
      if (config.tooLarge(newSize) || newSize > Integer.MAX_VALUE - 16) {
        subscription.cancel();
        result.completeExceptionally(tooLarge(newSize));
        return;
      }
      if (newSize > buffer.length) {
        buffer = Arrays.copyOf(buffer, (int) Math.min(Math.max(newSize, buffer.length * 2L), Integer.MAX_VALUE - 16));
      }
      b.get(buffer, size, n);
      size = (int) newSize;
    }
  }

  @Override
  public void onError(Throwable throwable) {
    result.completeExceptionally(throwable);
  }

  @Override
  public void onComplete() {
    result.complete(size == buffer.length ? buffer : Arrays.copyOf(buffer, size));
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  private DownloadException tooLarge(long bytes) {
    return new DownloadException(DownloadException.MAXSIZE,
        "body of " + url + " (" + bytes + "+ bytes) exceeds download_maxsize (" + config.maxSize() + " bytes)");
  }
}
