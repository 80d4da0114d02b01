package dev.kumo.cache;

import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.download.DownloadException;
import dev.kumo.download.Transport;

/** A {@link Transport} that answers from an {@link HttpCache} when it can, and stores what it fetches. */
final class CachingTransport implements Transport {
  private final HttpCache cache;
  private final Transport transport;

  CachingTransport(HttpCache cache, Transport transport) {
    this.cache = cache;
    this.transport = transport;
  }

  @Override
  public Response exchange(Request request) throws DownloadException, InterruptedException {
    Response hit = cache.lookup(request);
    return hit != null ? hit : cache.fetch(request, transport);
  }

  @Override
  public void close() {
    transport.close();
  }
}
