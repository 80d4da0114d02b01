-- KEYS: a hash of times by slot (next start, pause)
-- ARGV: slot, ms
-- Raises the slot's time to now + ms on the server's clock, never lowers it; returns the time.
local at = now_ms() + tonumber(ARGV[2])
local old = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
if at > old then
  redis.call('HSET', KEYS[1], ARGV[1], at)
  return at
end
return old
