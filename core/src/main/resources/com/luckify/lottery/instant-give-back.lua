-- Undo a reservation whose database transaction failed. KEYS[1] state hash, KEYS[2] entrant set.
-- ARGV[1] user id, ARGV[2] reserved prize id (0 = none), ARGV[3] '1' to take the user out again.
-- Touches nothing when the state is gone: a rebuild from MySQL will be right by itself.
if redis.call('HGET', KEYS[1], 'ready') ~= '1' then
  return 0
end
if ARGV[2] ~= '0' then
  redis.call('HINCRBY', KEYS[1], 'stock:' .. ARGV[2], 1)
end
if ARGV[3] == '1' then
  redis.call('SREM', KEYS[2], ARGV[1])
end
return 1
