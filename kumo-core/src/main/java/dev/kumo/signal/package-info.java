/**
 * Signals: what happens during a crawl, told to {@link dev.kumo.signal.SignalListener}s. Extensions are
 * listeners listed by class name in the setting {@code extensions}; Java code subscribes with
 * {@link dev.kumo.Crawler.Builder#listener}, and a spider that implements the interface is subscribed itself.
 */
@NullMarked
package dev.kumo.signal;

import org.jspecify.annotations.NullMarked;
