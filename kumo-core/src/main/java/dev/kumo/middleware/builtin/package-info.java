/**
 * Kumo's own steps around the download and at the frontier's door, named and ordered as Scrapy's built-in
 * middlewares are ({@link dev.kumo.middleware.builtin.BuiltinSteps}), and the one redirect step
 * ({@link dev.kumo.middleware.builtin.Redirect}) that crawls, robots.txt fetches and {@code kumo fetch} share.
 */
@NullMarked
package dev.kumo.middleware.builtin;

import org.jspecify.annotations.NullMarked;
