-- KEYS: workers, control
-- ARGV: the worker's id, its figures (JSON)
-- Records that the worker is alive, with its figures, stamped with the server's clock ('MS JSON'), and returns
-- the crawl's control state ('' when running).
redis.call('HSET', KEYS[1], ARGV[1], now_ms() .. ' ' .. ARGV[2])
return redis.call('GET', KEYS[2]) or ''
