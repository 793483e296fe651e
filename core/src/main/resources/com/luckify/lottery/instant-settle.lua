-- Brings a rebuilt state up to what MySQL committed after the rebuild read it: attempts admitted by the state
-- before it was lost may commit later (a win takes a unit, an entry adds an entrant). Both changes only ever go
-- one way, so they are safe whatever happened meanwhile: stock is lowered to MySQL's (a unit MySQL no longer has
-- is never one Redis may offer), entrants are added (a user MySQL holds has entered).
-- KEYS[1] state hash, KEYS[2] entrant set. ARGV[1] the generation the settling is for (another generation is left
-- alone), ARGV[2] the number of prize pairs n, then n pairs of prize id and MySQL's stock, then user ids to add.
-- Returns how many stock fields were lowered plus how many entrants were added, or -1 when not that generation.
if redis.call('HGET', KEYS[1], 'ready') ~= '1'
    or (redis.call('HGET', KEYS[1], 'generation') or '') ~= ARGV[1] then
  return -1
end
local changed = 0
local prizeCount = tonumber(ARGV[2])
for i = 3, 2 + 2 * prizeCount, 2 do
  local field = 'stock:' .. ARGV[i]
  local mysql = tonumber(ARGV[i + 1])
  local redisStock = tonumber(redis.call('HGET', KEYS[1], field) or '0')
  if redisStock > mysql then
    redis.call('HSET', KEYS[1], field, mysql)
    changed = changed + 1
  end
end
for i = 3 + 2 * prizeCount, #ARGV do
  changed = changed + redis.call('SADD', KEYS[2], ARGV[i])
end
return changed
