package dev.kumo.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.Crawler;
import dev.kumo.Spider;
import io.micrometer.core.instrument.Clock;
import io.micrometer.jmx.JmxConfig;
import io.micrometer.jmx.JmxMeterRegistry;
import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** The crawl's meters as JMX MBeans, for jconsole and other local tools. */
class JmxViewTest {
  @Test
  void aPausedCrawlShowsAsAnMBean() throws Exception {
    Crawler crawler = Crawler.builder(new Spider() {}).build();
    JmxMeterRegistry registry = new JmxMeterRegistry(JmxConfig.DEFAULT, Clock.SYSTEM);
    try {
      CrawlMeters meters = new CrawlMeters(crawler, registry);
      crawler.pause();
      meters.sync();
      MBeanServer server = ManagementFactory.getPlatformMBeanServer();
      ObjectName paused = server.queryNames(new ObjectName("metrics:name=kumoPaused,*"), null).iterator().next();
      assertThat(server.getAttribute(paused, "Value")).isEqualTo(1.0);
      crawler.resume();
      meters.sync();
      assertThat(server.getAttribute(paused, "Value")).isEqualTo(0.0);
    } finally {
      registry.close();
    }
  }
}
