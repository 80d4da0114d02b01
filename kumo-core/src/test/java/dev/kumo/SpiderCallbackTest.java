package dev.kumo;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A misspelt callback name says which one was meant, when one is close. */
class SpiderCallbackTest {
  static final class Books extends Spider {
    void parseBook(Response response, Output out) {}
  }

  @Test
  void aMisspeltCallbackSuggestsTheNearestMethod() {
    assertThatThrownBy(() -> new Books().callback("parse_book"))
        .hasMessage("spider books has no callback 'parse_book'; did you mean 'parseBook'?");
  }

  @Test
  void anUnrelatedNameSaysHowToDefineIt() {
    assertThatThrownBy(() -> new Books().callback("extractReviews"))
        .hasMessage("spider books has no callback 'extractReviews': define a method extractReviews(Response, Output) "
            + "or register one");
  }
}
