-- One instant-win attempt, atomically. KEYS[1] state hash, KEYS[2] entrant set.
-- ARGV[1] user id, ARGV[2] roll in [0, 1000000) from a strong random source.
-- Returns {outcome, generation}: outcome -2 when the hot state is missing (fail closed), -3 when every unit is
-- gone, -1 when the user already entered, otherwise the reserved prize id, or 0 for no prize (the user is entered
-- either way); generation names the installed state the outcome came from, so a reservation is given back to that
-- state only, never to one rebuilt from MySQL since.
if redis.call('HGET', KEYS[1], 'ready') ~= '1' then
  return {-2}
end
local generation = redis.call('HGET', KEYS[1], 'generation') or ''
if redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1 then
  return {-1, generation}
end
local bands = redis.call('HGET', KEYS[1], 'bands') or ''
local left = 0
for id in string.gmatch(bands, '(%d+):%d+') do
  left = left + tonumber(redis.call('HGET', KEYS[1], 'stock:' .. id) or '0')
end
if left <= 0 then
  return {-3, generation}
end
redis.call('SADD', KEYS[2], ARGV[1])
-- bands in prize level order: "prizeId:ppm,prizeId:ppm,..."; a roll in a sold-out band wins nothing
local roll = tonumber(ARGV[2])
local upper = 0
for id, ppm in string.gmatch(bands, '(%d+):(%d+)') do
  upper = upper + tonumber(ppm)
  if roll < upper then
    local field = 'stock:' .. id
    if tonumber(redis.call('HGET', KEYS[1], field) or '0') > 0 then
      redis.call('HINCRBY', KEYS[1], field, -1)
      return {tonumber(id), generation}
    end
    return {0, generation}
  end
end
return {0, generation}
