package dev.kumo.observe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DashboardAccessTest {
  @Test
  void onlyLoopbackHostNamesPassTheHostCheck() {
    assertThat(DashboardAccess.loopbackHost("127.0.0.1:7767")).isTrue();
    assertThat(DashboardAccess.loopbackHost("LOCALHOST:80")).isTrue();
    assertThat(DashboardAccess.loopbackHost("[::1]:7767")).isTrue();
    assertThat(DashboardAccess.loopbackHost("localhost")).isTrue();
    assertThat(DashboardAccess.loopbackHost("evil.example:7767")).as("DNS rebinding").isFalse();
    assertThat(DashboardAccess.loopbackHost("127.0.0.1.evil.example")).isFalse();
    assertThat(DashboardAccess.loopbackHost(null)).isFalse();
  }

  @Test
  void readsTheTokenFromTheQuery() {
    assertThat(DashboardAccess.queryParameter("a=1&token=x%2By", "token")).isEqualTo("x+y");
    assertThat(DashboardAccess.queryParameter("tokens=1", "token")).isNull();
    assertThat(DashboardAccess.queryParameter(null, "token")).isNull();
  }

  @Test
  void tokensAreFreshAndLongEnough() {
    String a = DashboardAccess.create(true).token();
    assertThat(a).hasSize(24).isNotEqualTo(DashboardAccess.create(true).token());
  }
}
