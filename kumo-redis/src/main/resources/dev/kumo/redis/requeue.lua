-- KEYS: leases, deadlines, counts, queue of the slot, heads, head, busy
-- ARGV: lease id, slot
-- Puts the leased request back at its place in its slot's queue.
local entry = redis.call('HGET', KEYS[1], ARGV[1])
if not entry then return not_held(ARGV[1]) end
local slot, member = split_entry(entry)
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZADD', KEYS[4], 0, member)
redis.call('HINCRBY', KEYS[3], 'queued', 1)
redis.call('HINCRBY', KEYS[3], 'leased', -1)
release_slot(KEYS[7], slot)
refresh_head(KEYS[4], KEYS[5], KEYS[6], ARGV[2])
return 1
