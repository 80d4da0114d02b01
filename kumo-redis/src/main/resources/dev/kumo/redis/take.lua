-- KEYS: heads, head, counts, leases, deadlines, busy, next, paused, throttle, meta
-- ARGV: prefix of the queue keys, lease timeout (ms), then for each candidate slot in order: slot, most
--       requests in progress, delay (ms) to keep after this start
-- Leases the best request of the first candidate slot that the crawl's shared politeness lets start now: fewer
-- than its limit of requests in progress (leased, by any worker), its next start time passed, not paused.
-- Returns {lease id, member, slot}, or {wait}: the least ms until a candidate held back only by time may start
-- (-1 when none is).
local lost = check_crawl(KEYS[10])
if lost then return lost end
local now = now_ms()
local wait = -1
for i = 3, #ARGV, 3 do
  local slot = ARGV[i]
  local busy = tonumber(redis.call('HGET', KEYS[6], slot) or '0')
  if busy < tonumber(ARGV[i + 1]) then
    local at = math.max(tonumber(redis.call('HGET', KEYS[7], slot) or '0'),
      tonumber(redis.call('HGET', KEYS[8], slot) or '0'))
    local queue = ARGV[1] .. slot
    if now < at then
      if wait < 0 or at - now < wait then wait = at - now end
    else
      local first = redis.call('ZRANGE', queue, 0, 0)[1]
      if first then
        redis.call('ZREM', queue, first)
        local id = redis.call('HINCRBY', KEYS[3], 'lease_ids', 1)
        redis.call('HSET', KEYS[4], id, slot .. '\0' .. first)
        redis.call('ZADD', KEYS[5], now + tonumber(ARGV[2]), id)
        redis.call('HINCRBY', KEYS[3], 'queued', -1)
        redis.call('HINCRBY', KEYS[3], 'leased', 1)
        redis.call('HINCRBY', KEYS[6], slot, 1)
        local gap = math.max(tonumber(ARGV[i + 2]), tonumber(redis.call('HGET', KEYS[9], slot) or '0'))
        if gap > 0 then redis.call('HSET', KEYS[7], slot, now + gap) end
        refresh_head(queue, KEYS[1], KEYS[2], slot)
        return {id, first, slot}
      end
      refresh_head(queue, KEYS[1], KEYS[2], slot) -- another worker emptied it since the heads were read
    end
  end
end
return {wait}
