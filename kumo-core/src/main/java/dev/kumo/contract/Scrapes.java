package dev.kumo.contract;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Scrapy's {@code @scrapes title price}: every item the callback yields on its {@link Url} page has these fields. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Scrapes {
  /** The field names. */
  String[] value();
}
