-- KEYS: queue of the slot, heads, head, counts, leases, deadlines
-- ARGV: slot, lease timeout (ms)
-- Returns {lease id, member}, or an empty array when the slot's queue is empty (another worker emptied it).
local first = redis.call('ZRANGE', KEYS[1], 0, 0)[1]
if not first then
  refresh_head(KEYS[1], KEYS[2], KEYS[3], ARGV[1])
  return {}
end
redis.call('ZREM', KEYS[1], first)
local id = redis.call('HINCRBY', KEYS[4], 'lease_ids', 1)
redis.call('HSET', KEYS[5], id, ARGV[1] .. '\0' .. first)
redis.call('ZADD', KEYS[6], now_ms() + tonumber(ARGV[2]), id)
redis.call('HINCRBY', KEYS[4], 'queued', -1)
redis.call('HINCRBY', KEYS[4], 'leased', 1)
refresh_head(KEYS[1], KEYS[2], KEYS[3], ARGV[1])
return {id, first}
