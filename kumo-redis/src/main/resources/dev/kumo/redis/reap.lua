-- KEYS: leases, deadlines, counts, heads, head, busy
-- ARGV: prefix of the slots' queue keys, most leases to reap
-- Puts the requests of expired leases (their worker died or lost Redis) back in their queues, and frees their
-- places in their slots. The queue keys are built here from the crawl's prefix: they carry the same hash tag,
-- so they live in the same cluster slot.
local due = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now_ms(), 'LIMIT', 0, tonumber(ARGV[2]))
for _, id in ipairs(due) do
  redis.call('ZREM', KEYS[2], id)
  local entry = redis.call('HGET', KEYS[1], id)
  if entry then
    local slot, member = split_entry(entry)
    local queue = ARGV[1] .. slot
    redis.call('HDEL', KEYS[1], id)
    redis.call('ZADD', queue, 0, member)
    redis.call('HINCRBY', KEYS[3], 'queued', 1)
    redis.call('HINCRBY', KEYS[3], 'leased', -1)
    release_slot(KEYS[6], slot)
    refresh_head(queue, KEYS[4], KEYS[5], slot)
  end
end
return #due
