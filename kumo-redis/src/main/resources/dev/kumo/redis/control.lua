-- KEYS: control, meta
-- ARGV: 'pause', 'resume' or 'stop'
-- Sets the state every worker of the crawl follows: 'pause' (no worker starts a request), none (running), or
-- 'stop MS' (every worker that joined before MS, on the server's clock, drains and exits; a worker started later
-- crawls on). Returns the new value ('' for running).
local lost = check_crawl(KEYS[2])
if lost then return lost end
if ARGV[1] == 'pause' then
  redis.call('SET', KEYS[1], 'pause')
  return 'pause'
elseif ARGV[1] == 'resume' then
  redis.call('DEL', KEYS[1])
  return ''
end
local stop = 'stop ' .. now_ms()
redis.call('SET', KEYS[1], stop)
return stop
