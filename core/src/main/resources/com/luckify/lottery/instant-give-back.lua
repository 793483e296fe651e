-- Undo a reservation whose database transaction failed. KEYS[1] state hash, KEYS[2] entrant set.
-- ARGV[1] user id, ARGV[2] reserved prize id (0 = none), ARGV[3] '1' to take the user out again,
-- ARGV[4] the generation of the state the reservation was made in.
-- Touches nothing when that state is gone, also when a state rebuilt from MySQL has replaced it: the rebuild
-- counted the unit as MySQL has it, so giving it back there would offer a unit twice.
if redis.call('HGET', KEYS[1], 'ready') ~= '1' then
  return 0
end
if (redis.call('HGET', KEYS[1], 'generation') or '') ~= ARGV[4] then
  return 0
end
if ARGV[2] ~= '0' then
  redis.call('HINCRBY', KEYS[1], 'stock:' .. ARGV[2], 1)
end
if ARGV[3] == '1' then
  redis.call('SREM', KEYS[2], ARGV[1])
end
return 1
