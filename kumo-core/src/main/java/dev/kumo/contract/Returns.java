package dev.kumo.contract;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Scrapy's {@code @returns items 1 10}: the callback yields from {@link #min()} to {@link #max()} items (or
 * requests) on its {@link Url} page. Repeatable: one for items, one for requests.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Returns.All.class)
public @interface Returns {
  /** {@code items} or {@code requests}. */
  String value();

  /** The fewest expected (Scrapy's default: 1). */
  int min() default 1;

  /** The most expected (default: no limit). */
  int max() default Integer.MAX_VALUE;

  /** The container of repeated {@link Returns}. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface All {
    /** The repeated annotations. */
    Returns[] value();
  }
}
