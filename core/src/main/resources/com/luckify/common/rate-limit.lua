-- One permit of a budget of ARGV[2] permits per ARGV[1] milliseconds, as a generic cell rate algorithm:
-- the key holds the theoretical arrival time (TAT) of the next permit in milliseconds of Redis's clock.
-- A full budget can be spent at once; after that a permit comes back every interval / permits.
-- Returns 0 when the permit is granted, else how many milliseconds until one would be.
local interval = tonumber(ARGV[1])
local permits = tonumber(ARGV[2])
local emission = interval / permits
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)

local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < now then
    tat = now
end
local next_tat = tat + emission
local allowed_at = next_tat - interval
if allowed_at > now then
    return math.ceil(allowed_at - now)
end
-- %.3f keeps every digit: Lua would print a number this large in exponent form
redis.call('SET', KEYS[1], string.format('%.3f', next_tat), 'PX', math.ceil(next_tat - now) + 1000)
return 0
