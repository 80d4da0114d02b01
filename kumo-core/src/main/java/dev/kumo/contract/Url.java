package dev.kumo.contract;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Scrapy's {@code @url}: the page {@code kumo check} fetches to check this callback's contracts.
 *
 * <pre>{@code
 * @Url("https://books.example/catalogue/a-light-in-the-attic_1000/index.html")
 * @Returns(value = "items", min = 1, max = 1)
 * @Scrapes({"title", "price"})
 * void parseBook(Response response, Output out) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Url {
  /** The absolute URL. */
  String value();
}
