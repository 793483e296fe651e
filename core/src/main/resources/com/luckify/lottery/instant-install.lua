-- Replaces an instant lottery's hot state in one step. KEYS[1] state hash, KEYS[2] entrant set,
-- KEYS[3] the entrant set staged by the caller (may not exist when nobody entered yet).
-- ARGV[1] '1' to install only when no state is ready (a rebuild of state found missing: one that another
-- process installed meanwhile is newer than this one's reading of MySQL), ARGV[2] the new state's generation,
-- ARGV[3] bands "prizeId:ppm,...", then pairs of prize id and stock.
-- Returns 1 when installed, 0 when a ready state was kept. "ready" is set last, with everything else in place.
if ARGV[1] == '1' and redis.call('HGET', KEYS[1], 'ready') == '1' then
  redis.call('DEL', KEYS[3])
  return 0
end
redis.call('DEL', KEYS[1])
if redis.call('EXISTS', KEYS[3]) == 1 then
  redis.call('RENAME', KEYS[3], KEYS[2])
  -- the staged set expires in case its installer dies half-way; the installed one must not
  redis.call('PERSIST', KEYS[2])
else
  redis.call('DEL', KEYS[2])
end
redis.call('HSET', KEYS[1], 'bands', ARGV[3], 'generation', ARGV[2])
for i = 4, #ARGV, 2 do
  redis.call('HSET', KEYS[1], 'stock:' .. ARGV[i], ARGV[i + 1])
end
redis.call('HSET', KEYS[1], 'ready', '1')
return 1
