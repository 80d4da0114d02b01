package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.internal.ComponentLoader.Ordered;
import dev.kumo.middleware.builtin.BuiltinSteps;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How Kumo's steps (by name, in a base map) and the user's components merge into one order. */
class StepOrderTest {
  static final String ROBOTS = BuiltinSteps.ROBOTS_TXT;
  static final String HEADERS = BuiltinSteps.DEFAULT_HEADERS;
  static final String AGENT = BuiltinSteps.USER_AGENT;

  final Map<String, String> builtins = new LinkedHashMap<>(Map.of(ROBOTS, "robots", HEADERS, "headers",
      AGENT, "agent", BuiltinSteps.RETRY, "retry", BuiltinSteps.REDIRECT, "redirect", BuiltinSteps.COOKIES, "cookies",
      BuiltinSteps.HTTP_CACHE, "cache"));

  List<String> merge(Map<String, Object> user, List<Ordered<String>> users) {
    return StepOrder.merge("downloader_middlewares_base", BuiltinSteps.DOWNLOADER_BASE, user, builtins, users);
  }

  @Test
  void theBaseOrderWithTheUsersComponentsBetweenAndAtEqualOrdersFirst() {
    assertThat(merge(Map.of(), List.of(new Ordered<>(450, "mine"), new Ordered<>(500, "rotate"),
        new Ordered<>(50, "early")))).containsExactly("early", "robots", "headers", "mine", "rotate", "agent", "retry",
        "redirect", "cookies", "cache");
  }

  @Test
  void aUserEntryNamingAStepDisablesOrMovesIt() {
    Map<String, Object> user = new HashMap<>();
    user.put(ROBOTS, "none");
    user.put(HEADERS, null);
    user.put(" " + AGENT + " ", 10);
    user.put(BuiltinSteps.COOKIES, 560);
    assertThat(merge(user, List.of(new Ordered<>(20, "mine"))))
        .containsExactly("agent", "mine", "retry", "cookies", "redirect", "cache");
  }

  @Test
  void aStepTurnedOffByItsOwnSettingIsLeftOut() {
    builtins.put(ROBOTS, null);
    builtins.put(BuiltinSteps.HTTP_CACHE, null);
    assertThat(merge(Map.of(), List.of())).containsExactly("headers", "agent", "retry", "redirect", "cookies");
  }

  @Test
  void aBaseMapNamingSomethingElseIsRefused() {
    assertThatThrownBy(() -> StepOrder.merge("downloader_middlewares_base",
        Map.of("com.example.Mine", 10), Map.of(), builtins, List.<Ordered<String>>of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("downloader_middlewares_base: com.example.Mine is not one of Kumo's steps")
        .hasMessageContaining("downloader_middlewares");
    assertThatThrownBy(() -> merge(Map.of(BuiltinSteps.OFFSITE, 10), List.of()))
        .hasMessageContaining(BuiltinSteps.OFFSITE);
  }
}
