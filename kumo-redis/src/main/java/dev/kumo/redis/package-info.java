/**
 * Kumo past one machine: a {@link dev.kumo.frontier.Frontier} kept in Redis, shared by every worker process of
 * a crawl (queue, seen-set, leases with expiry, crawl-wide stats). See {@link dev.kumo.redis.RedisFrontier}.
 */
@NullMarked
package dev.kumo.redis;

import org.jspecify.annotations.NullMarked;
