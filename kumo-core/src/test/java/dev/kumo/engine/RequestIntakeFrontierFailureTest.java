package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.Request;
import dev.kumo.frontier.Fingerprint;
import dev.kumo.frontier.FrontierException;
import dev.kumo.frontier.RequestFingerprinter;
import dev.kumo.frontier.UrlCanonicalizer;
import dev.kumo.signal.SignalListener;
import dev.kumo.stats.Stats;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A frontier whose storage fails an offer: the engine hears of the failure, the callback that offered the request
 * is stopped, nothing is counted as scheduled, and the host's {@code max_requests_per_domain} place is given back.
 */
class RequestIntakeFrontierFailureTest {
  /** A frontier in memory whose offers fail while {@link #failing} is set, as a full disk makes a job store's. */
  static final class FailingOffers extends RecordingFrontier {
    boolean failing;

    FailingOffers() {
      super(false);
    }

    @Override
    public Offer offer(Request request, Fingerprint fingerprint, String slot) {
      if (failing) {
        throw new FrontierException("cannot write the job store: No space left on device");
      }
      return super.offer(request, fingerprint, slot);
    }
  }

  final Stats stats = new Stats();
  final FailingOffers frontier = new FailingOffers();
  final List<FrontierException> failures = new ArrayList<>();
  final List<String> scheduled = new ArrayList<>();
  final AtomicInteger wakeUps = new AtomicInteger();

  final RequestIntake intake = new RequestIntake(frontier, stats, UrlCanonicalizer.DEFAULT,
      new RequestFingerprinter(UrlCanonicalizer.DEFAULT), List.of(), 0, new TrapGuard(0, false, 0), host -> host,
      wakeUps::incrementAndGet, failures::add, new SignalListener() {
        @Override
        public void requestScheduled(Request request) {
          scheduled.add(request.url());
        }
      }, 1);

  @Test
  void aFailedOfferStopsTheCallbackAndTellsTheEngine() {
    frontier.failing = true;
    assertThatThrownBy(() -> intake.offer(Request.get("http://a.test/1"))).isInstanceOf(CrawlAbortedException.class);
    assertThat(failures).singleElement().extracting(Throwable::getMessage).asString().contains("No space left");
    assertThat(stats.get("scheduler/enqueued")).isZero();
    assertThat(scheduled).isEmpty();
    assertThat(wakeUps).hasValue(0);
  }

  @Test
  void theHostsPlaceIsGivenBackWhenTheOfferFails() {
    frontier.failing = true;
    assertThatThrownBy(() -> intake.offer(Request.get("http://a.test/1"))).isInstanceOf(CrawlAbortedException.class);
    frontier.failing = false;
    assertThat(intake.offer(Request.get("http://a.test/2"))).as("max_requests_per_domain is 1").isTrue();
    assertThat(stats.get("max_requests_per_domain/filtered")).isZero();
    assertThat(scheduled).containsExactly("http://a.test/2");
  }
}
