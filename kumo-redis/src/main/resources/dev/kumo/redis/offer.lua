-- KEYS: seen, queue of the slot, heads, head, counts, meta
-- ARGV: fingerprint, dont_filter (1/0), priority (8 hex digits), lifo (1/0), fingerprint+request, slot
-- Returns 1 when queued, 0 when the fingerprint was seen before.
local lost = check_crawl(KEYS[6])
if lost then return lost end
local fresh = redis.call('SADD', KEYS[1], ARGV[1])
if fresh == 0 and ARGV[2] ~= '1' then return 0 end
local seq = redis.call('HINCRBY', KEYS[5], 'seq', 1)
if ARGV[4] == '1' then seq = 9007199254740991 - seq end
redis.call('ZADD', KEYS[2], 0, ARGV[3] .. string.format('%016x', seq) .. ARGV[5])
redis.call('HINCRBY', KEYS[5], 'queued', 1)
refresh_head(KEYS[2], KEYS[3], KEYS[4], ARGV[6])
return 1
