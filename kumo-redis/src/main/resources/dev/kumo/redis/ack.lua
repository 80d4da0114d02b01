-- KEYS: leases, deadlines, counts, stats, busy, items, acks, meta
-- ARGV: worker id, the worker's ack number, n, n lease ids, m, m items (JSON), then pairs of counter and delta
-- Ends every lease, appends the items to the crawl's stream and adds the deltas to the crawl's stats, or
-- changes nothing when a lease is not held. An ack whose number the worker's last ack already had (a retry
-- after a lost reply) changes nothing and returns -1.
local lost = check_crawl(KEYS[8])
if lost then return lost end
if redis.call('HGET', KEYS[7], ARGV[1]) == ARGV[2] then return -1 end
local n = tonumber(ARGV[3])
for i = 4, n + 3 do
  if redis.call('HEXISTS', KEYS[1], ARGV[i]) == 0 then return not_held(ARGV[i]) end
end
for i = 4, n + 3 do
  local slot = split_entry(redis.call('HGET', KEYS[1], ARGV[i]))
  redis.call('HDEL', KEYS[1], ARGV[i])
  redis.call('ZREM', KEYS[2], ARGV[i])
  release_slot(KEYS[5], slot)
end
if n > 0 then redis.call('HINCRBY', KEYS[3], 'leased', -n) end
local m = tonumber(ARGV[n + 4])
for j = n + 5, n + 4 + m do
  redis.call('XADD', KEYS[6], '*', 'item', ARGV[j])
end
for i = n + 5 + m, #ARGV, 2 do
  redis.call('HINCRBY', KEYS[4], ARGV[i], ARGV[i + 1])
end
redis.call('HSET', KEYS[7], ARGV[1], ARGV[2])
return n
