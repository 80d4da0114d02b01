-- KEYS: leases, deadlines, counts, stats
-- ARGV: n, n lease ids, then pairs of counter name and delta
-- Ends every lease and adds the deltas to the crawl's stats, or changes nothing when a lease is not held.
local n = tonumber(ARGV[1])
for i = 2, n + 1 do
  if redis.call('HEXISTS', KEYS[1], ARGV[i]) == 0 then return not_held(ARGV[i]) end
end
for i = 2, n + 1 do
  redis.call('HDEL', KEYS[1], ARGV[i])
  redis.call('ZREM', KEYS[2], ARGV[i])
end
if n > 0 then redis.call('HINCRBY', KEYS[3], 'leased', -n) end
for i = n + 2, #ARGV, 2 do
  redis.call('HINCRBY', KEYS[4], ARGV[i], ARGV[i + 1])
end
return n
