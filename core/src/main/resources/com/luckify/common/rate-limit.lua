-- One permit of each budget named in KEYS, KEYS[i] holding ARGV[2i] permits per ARGV[2i-1] milliseconds, as a
-- generic cell rate algorithm: a key holds the theoretical arrival time (TAT) of its next permit in milliseconds
-- of Redis's clock. A full budget can be spent at once; after that a permit comes back every interval / permits.
-- A key named twice is charged twice, in order. Returns, key by key, 0 when its permit is granted, else how many
-- milliseconds until one would be. One call charges a request's budgets, or a whole batch's, in one round trip.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local waits = {}
for i, key in ipairs(KEYS) do
    local interval = tonumber(ARGV[2 * i - 1])
    local permits = tonumber(ARGV[2 * i])
    local emission = interval / permits
    local tat = tonumber(redis.call('GET', key) or now)
    if tat < now then
        tat = now
    end
    local next_tat = tat + emission
    local allowed_at = next_tat - interval
    if allowed_at > now then
        waits[i] = math.ceil(allowed_at - now)
    else
        -- %.3f keeps every digit: Lua would print a number this large in exponent form
        redis.call('SET', key, string.format('%.3f', next_tat), 'PX', math.ceil(next_tat - now) + 1000)
        waits[i] = 0
    end
end
return waits
