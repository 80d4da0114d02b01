/**
 * Kumo past one machine: a {@link dev.kumo.frontier.Frontier} kept in Redis, shared by every worker process of
 * a crawl (queue, seen-set, leases with expiry, crawl-wide stats). See {@link dev.kumo.redis.RedisFrontier}. The
 * workers of a crawl pause, resume and stop together ({@link dev.kumo.redis.CrawlControl},
 * {@link dev.kumo.redis.WorkerHeartbeat}); {@link dev.kumo.redis.CrawlBoard} is what one dashboard shows of them.
 */
@NullMarked
package dev.kumo.redis;

import org.jspecify.annotations.NullMarked;
