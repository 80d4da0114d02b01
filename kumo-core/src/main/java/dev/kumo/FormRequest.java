package dev.kumo;

import dev.kumo.select.Selection;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;
import org.jspecify.annotations.Nullable;

/**
 * A request that submits a form of a response (Scrapy's {@code FormRequest.from_response}): the form's fields
 * as the page fills them (hidden fields included), overridden by {@link #data}, plus the first submit button
 * (or the one {@link #click} names), sent to the form's action with its method.
 *
 * <pre>{@code
 * out.add(FormRequest.from(response)
 *     .formCss("form#login")
 *     .data("user", "kumo").data("password", "secret")
 *     .request().callback("afterLogin").build());
 * }</pre>
 *
 * <p>Not thread-safe; made and used by one callback.
 */
public final class FormRequest {
  /** Submit buttons (jsoup compares attribute values ignoring case). */
  private static final String CLICKABLE = "input[type=submit], input[type=image], button:not([type]), "
      + "button[type=submit]";

  private final Response response;
  private @Nullable String formCss;
  private @Nullable String formXpath;
  private int formNumber;
  private final Map<String, @Nullable String> data = new LinkedHashMap<>();
  private final Map<String, String> click = new LinkedHashMap<>();
  private boolean dontClick;

  private FormRequest(Response response) {
    this.response = response;
  }

  /** Starts a submission of a form of {@code response}; the first form unless another is chosen. */
  public static FormRequest from(Response response) {
    return new FormRequest(response);
  }

  /** Chooses the form: the first form matching, or containing the first element matching, a CSS query. */
  public FormRequest formCss(String query) {
    this.formCss = query;
    return this;
  }

  /** Chooses the form: the first form matching, or containing the first element matching, an XPath. */
  public FormRequest formXpath(String expression) {
    this.formXpath = expression;
    return this;
  }

  /** Chooses the form with this {@code name} attribute. */
  public FormRequest formName(String name) {
    return formCss("form[name=\"" + name.replace("\"", "\\\"") + "\"]");
  }

  /** Chooses the form with this {@code id}. */
  public FormRequest formId(String id) {
    return formCss("form[id=\"" + id.replace("\"", "\\\"") + "\"]");
  }

  /** Chooses the form by its index among the page's forms (or among those the query matched), from 0. */
  public FormRequest formNumber(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("form number must be >= 0: " + index);
    }
    this.formNumber = index;
    return this;
  }

  /** Sets a field's value, replacing the page's; null removes the field. */
  public FormRequest data(String name, @Nullable String value) {
    data.put(name, value);
    return this;
  }

  /** Sets each of the fields' values (Scrapy's {@code formdata}). */
  public FormRequest data(Map<String, String> values) {
    values.forEach(this::data);
    return this;
  }

  /**
   * Chooses the submit button by its attributes (Scrapy's {@code clickdata}), e.g. {@code name}/{@code value};
   * the key {@code nr} chooses by index among the form's buttons.
   */
  public FormRequest click(Map<String, String> attributes) {
    click.putAll(attributes);
    return this;
  }

  /** Sends no submit button's name and value (Scrapy's {@code dont_click}). */
  public FormRequest dontClick() {
    this.dontClick = true;
    return this;
  }

  /**
   * The request builder: a POST with an urlencoded body, or a GET with the fields as its query, to the form's
   * action resolved against the page.
   *
   * @throws IllegalArgumentException when no form matches, or no button matches {@link #click}
   */
  public Request.Builder request() {
    FormElement form = form();
    Charset charset = response.charset();
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    for (Element control : form.elements()) {
      addField(control, fields);
    }
    fields.removeIf(f -> data.containsKey(f.getKey()));
    data.forEach((k, v) -> {
      if (v != null) {
        fields.add(Map.entry(k, v));
      }
    });
    Element button = dontClick ? null : clicked(form);
    if (button != null && button.hasAttr("name") && !data.containsKey(button.attr("name"))) {
      fields.add(Map.entry(button.attr("name"), button.attr("value")));
    }
    String encoded = fields.stream()
        .map(f -> URLEncoder.encode(f.getKey(), charset) + "=" + URLEncoder.encode(f.getValue(), charset))
        .collect(Collectors.joining("&"));
    String action = form.attr("action").strip();
    String url = action.isEmpty() ? response.url() : response.urljoin(action);
    if (form.attr("method").strip().equalsIgnoreCase("post")) {
      return Request.to(url).method("POST")
          .header("Content-Type", "application/x-www-form-urlencoded")
          .body(encoded.getBytes(charset));
    }
    int hash = url.indexOf('#');
    String base = hash < 0 ? url : url.substring(0, hash);
    int query = base.indexOf('?');
    return Request.to((query < 0 ? base : base.substring(0, query)) + (encoded.isEmpty() ? "" : "?" + encoded));
  }

  /** The request, handled by the default callback. */
  public Request build() {
    return request().build();
  }

  private FormElement form() {
    Selection chosen = formCss != null ? response.css(formCss)
        : formXpath != null ? response.xpath(formXpath) : response.css("form");
    List<FormElement> forms = new ArrayList<>();
    for (Element e : chosen.elements()) {
      FormElement f = enclosingForm(e);
      if (f != null && !forms.contains(f)) {
        forms.add(f);
      }
    }
    if (forms.size() <= formNumber) {
      throw new IllegalArgumentException("no form " + (formCss != null ? "matching " + formCss
          : formXpath != null ? "matching " + formXpath : "") + " (form number " + formNumber + ") in " + response);
    }
    return forms.get(formNumber);
  }

  private static @Nullable FormElement enclosingForm(Element e) {
    for (Element at = e; at != null; at = at.parent()) {
      if (at instanceof FormElement f) {
        return f;
      }
    }
    return null;
  }

  /** The control's name and value as a browser sends them, if it sends it (buttons are added apart). */
  private static void addField(Element control, List<Map.Entry<String, String>> fields) {
    String name = control.attr("name");
    if (name.isEmpty() || control.hasAttr("disabled")) {
      return;
    }
    String tag = control.normalName();
    String type = control.attr("type").toLowerCase(Locale.ROOT);
    switch (tag) {
      case "select" -> {
        List<Element> options = control.select("option[selected]");
        Element first = control.selectFirst("option");
        if (options.isEmpty() && !control.hasAttr("multiple") && first != null) {
          options = List.of(first); // a browser sends a single select's first option when none is selected
        }
        for (Element o : options) {
          fields.add(Map.entry(name, o.hasAttr("value") ? o.attr("value") : o.text()));
        }
      }
      case "textarea" -> fields.add(Map.entry(name, control.wholeText()));
      case "input" -> {
        switch (type) {
          case "submit", "image", "reset", "button", "file" -> { }
          case "checkbox", "radio" -> {
            if (control.hasAttr("checked")) {
              fields.add(Map.entry(name, control.hasAttr("value") ? control.attr("value") : "on"));
            }
          }
          default -> fields.add(Map.entry(name, control.attr("value")));
        }
      }
      default -> { } // buttons, fieldsets, objects: not sent as fields
    }
  }

  private @Nullable Element clicked(FormElement form) {
    List<Element> buttons = new ArrayList<>(form.select(CLICKABLE)); // document order (elements() lists buttons last)
    form.elements().stream().filter(e -> e.is(CLICKABLE) && !buttons.contains(e)).forEach(buttons::add);
    if (click.isEmpty()) {
      return buttons.isEmpty() ? null : buttons.getFirst();
    }
    if (click.containsKey("nr")) {
      int nr = Integer.parseInt(click.get("nr"));
      if (nr < 0 || nr >= buttons.size()) {
        throw new IllegalArgumentException("no button nr " + nr + " in the form (it has " + buttons.size() + ")");
      }
      return buttons.get(nr);
    }
    for (Element b : buttons) {
      if (click.entrySet().stream().allMatch(a -> b.attr(a.getKey()).equals(a.getValue()))) {
        return b;
      }
    }
    throw new IllegalArgumentException("no button with " + click + " in the form");
  }
}
