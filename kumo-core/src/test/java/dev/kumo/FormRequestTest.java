package dev.kumo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Form submissions made from a page: which form, which fields, which button, which method. */
class FormRequestTest {
  static final Response PAGE = Response.to(Request.get("https://shop.test/cart/view?x=1")).html("""
      <form action="/search" method="get"><input name="q" value="dune"><input type="submit" name="go" value="Go">
      </form>
      <div id="checkout"><form action="pay" method="POST">
        <input type="hidden" name="token" value="a b&c">
        <input name="disabled" value="no" disabled>
        <input type="checkbox" name="gift" value="yes" checked><input type="checkbox" name="wrap" value="yes">
        <input type="radio" name="ship" value="fast"><input type="radio" name="ship" value="slow" checked>
        <select name="country"><option value="de">DE</option><option value="fr" selected>FR</option></select>
        <select name="size"><option>S</option><option>M</option></select>
        <textarea name="note">leave at door</textarea>
        <button name="pay" value="card">Card</button><input type="submit" name="pay" value="cash">
      </form></div>""").build();

  static String body(Request r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  @Test
  void theFirstFormIsAGetWithItsFieldsAndFirstButtonAsTheQuery() {
    Request r = FormRequest.from(PAGE).build();

    assertThat(r.method()).isEqualTo("GET");
    assertThat(r.url()).isEqualTo("https://shop.test/search?q=dune&go=Go");
  }

  @Test
  void aPostFormByCssSendsHiddenCheckedAndSelectedFieldsOverriddenByData() {
    Request r = FormRequest.from(PAGE).formCss("#checkout form").data("note", "ring twice").data("gift", null)
        .build();

    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.url()).isEqualTo("https://shop.test/cart/pay");
    assertThat(r.headers().first("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    assertThat(body(r)).isEqualTo("token=a+b%26c&ship=slow&country=fr&size=S&note=ring+twice&pay=card");
  }

  @Test
  void anXpathInsideAFormChoosesItAndClickdataOrDontClickChooseTheButton() {
    Request cash = FormRequest.from(PAGE).formXpath("//textarea").click(Map.of("value", "cash")).build();
    Request second = FormRequest.from(PAGE).formXpath("//textarea").click(Map.of("nr", "1")).build();
    Request none = FormRequest.from(PAGE).formXpath("//textarea").dontClick().build();

    assertThat(body(cash)).endsWith("&note=leave+at+door&pay=cash");
    assertThat(body(second)).isEqualTo(body(cash));
    assertThat(body(none)).endsWith("&note=leave+at+door");
  }

  @Test
  void aMissingFormOrButtonIsAClearError() {
    assertThatThrownBy(() -> FormRequest.from(PAGE).formId("nope").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no form matching form[id=\"nope\"]");
    assertThatThrownBy(() -> FormRequest.from(PAGE).formNumber(1).click(Map.of("value", "bitcoin")).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no button with {value=bitcoin}");
  }
}
