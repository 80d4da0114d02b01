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

-- A crawl whose meta hash is gone was lost by the server (a restart without persistence, a FLUSHALL): refuse to
-- go on rather than crawl again from an empty seen-set.
local function check_crawl(meta)
  if redis.call('EXISTS', meta) == 0 then
    return redis.error_reply('KUMO_LOST the crawl is gone from this Redis (restarted without persistence, or '
      .. 'flushed)')
  end
  return false
end

-- A lease of the slot ended: one fewer of its requests in progress across the crawl.
local function release_slot(busy, slot)
  if redis.call('HINCRBY', busy, slot, -1) <= 0 then redis.call('HDEL', busy, slot) end
end

-- The slot named by a lease entry (slot, NUL, queue member), and the member.
local function split_entry(entry)
  local cut = string.find(entry, '\0', 1, true)
  return string.sub(entry, 1, cut - 1), string.sub(entry, cut + 1)
end
