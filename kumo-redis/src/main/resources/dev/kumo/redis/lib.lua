-- Shared by every Kumo frontier script (prepended to each). A queue member is a 24-character order key
-- (8 hex digits of priority, highest first, then 16 of sequence) followed by the fingerprint and request.

-- Points the slot's entry in the heads index at the slot's best queued request, or removes it when the
-- slot's queue is empty.
local function refresh_head(queue, heads, head, slot)
  local old = redis.call('HGET', head, slot)
  local first = redis.call('ZRANGE', queue, 0, 0)[1]
  local new = false
  if first then new = string.sub(first, 1, 24) .. slot end
  if old == new then return end
  if old then redis.call('ZREM', heads, old) end
  if new then
    redis.call('ZADD', heads, 0, new)
    redis.call('HSET', head, slot, new)
  else
    redis.call('HDEL', head, slot)
  end
end

-- The server's clock in milliseconds: every worker's leases expire by the same clock.
local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end

local function not_held(id)
  return redis.error_reply('KUMO_NOT_HELD lease ' .. id .. ' is not held')
end
