-- KEYS: meta
-- ARGV: per field of the crawl's identity, four values: its name, this worker's value, '1' when a crawl that
-- predates the field ran with a known value (else '0': the first worker to name it records it), and that value.
-- Records each field that is absent: a new crawl takes this worker's values; a crawl that exists but never recorded
-- the field takes its known value. Returns the recorded values, in order, for the worker to compare with its own.
local new = redis.call('EXISTS', KEYS[1]) == 0
local recorded = {}
for i = 1, #ARGV, 4 do
  local value = ARGV[i + 1]
  if not new and ARGV[i + 2] == '1' then value = ARGV[i + 3] end
  redis.call('HSETNX', KEYS[1], ARGV[i], value)
  recorded[#recorded + 1] = redis.call('HGET', KEYS[1], ARGV[i])
end
return recorded
