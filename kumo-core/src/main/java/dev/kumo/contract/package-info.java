/**
 * Spider contracts, Scrapy's {@code @url}, {@code @returns} and {@code @scrapes}: a callback states a page it
 * handles and what it yields there; {@code kumo check} fetches the page and checks. Written as annotations
 * ({@link dev.kumo.contract.Url}, {@link dev.kumo.contract.Returns}, {@link dev.kumo.contract.Scrapes}) on a Java
 * spider's callbacks, or under a spider file's {@code contracts} key. Also the one-page runs behind
 * {@code kumo parse} ({@link dev.kumo.contract.PageFetcher}, {@link dev.kumo.contract.CallbackRun}).
 */
@NullMarked
package dev.kumo.contract;

import org.jspecify.annotations.NullMarked;
