-- Replaces an instant lottery's hot state in one step. KEYS[1] state hash, KEYS[2] entrant set,
-- KEYS[3] the entrant set staged by the caller (may not exist when nobody entered yet).
-- ARGV[1] bands "prizeId:ppm,...", then pairs of prize id and stock.
redis.call('DEL', KEYS[1])
if redis.call('EXISTS', KEYS[3]) == 1 then
  redis.call('RENAME', KEYS[3], KEYS[2])
else
  redis.call('DEL', KEYS[2])
end
redis.call('HSET', KEYS[1], 'bands', ARGV[1])
for i = 2, #ARGV, 2 do
  redis.call('HSET', KEYS[1], 'stock:' .. ARGV[i], ARGV[i + 1])
end
redis.call('HSET', KEYS[1], 'ready', '1')
return 1
