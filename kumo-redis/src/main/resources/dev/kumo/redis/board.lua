-- KEYS: counts, stats, control, workers
-- Reads what a crawl-wide dashboard shows, at one moment: {server time (ms), queued, leased, control state ('' when
-- running), the stats hash (field, value, ...), the workers hash (worker, 'MS JSON', ...)}.
local counts = redis.call('HMGET', KEYS[1], 'queued', 'leased')
return {now_ms(), counts[1] or '0', counts[2] or '0', redis.call('GET', KEYS[3]) or '',
  redis.call('HGETALL', KEYS[2]), redis.call('HGETALL', KEYS[4])}
