/**
 * The {@code kumo} command: {@code crawl}, {@code fetch}, {@code demo}, {@code bench} and {@code settings}, built
 * with picocli. {@link dev.kumo.cli.Main} is the entry point of the runnable jar.
 */
package dev.kumo.cli;
