-- KEYS: deadlines
-- ARGV: lease timeout (ms), lease ids
-- Pushes back the deadlines of leases still held; a lease already reaped is not brought back.
local deadline = now_ms() + tonumber(ARGV[1])
local renewed = 0
for i = 2, #ARGV do
  renewed = renewed + redis.call('ZADD', KEYS[1], 'XX', 'CH', deadline, ARGV[i])
end
return renewed
