package dev.kumo.engine;


/**
 * How leased requests run: on the dispatching thread ({@code sequential}), on a pool of platform threads
 * ({@code threads}), or on virtual threads with a separate parse pool ({@code async}). Limits and delays are
 * the engine's; a model only decides which thread does the work.
 */
interface ExecutionModel extends AutoCloseable {
  /**
   * Runs {@code ticket}: download, then handle the response. Must eventually call
   * {@link Engine#downloadDone()} once and end the ticket with {@link Engine#finish} or {@link Engine#abandon}.
   */
  void launch(LeaseTicket ticket) throws InterruptedException;

  /** Responses waiting for a parser now; 0 where the downloading thread parses. */
  default int waitingToParse() {
    return 0;
  }

  /** Stops at once, interrupting work in progress. */
  void abort();

  /** Waits for running work to end and releases threads. */
  @Override
  void close() throws InterruptedException;
}
