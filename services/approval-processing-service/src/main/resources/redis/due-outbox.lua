-- The outbox's oldest entries, at most ARGV[1], in the order they were stored, after how many entries are not in
-- that order yet (stored by a version before it, during an upgrade: the caller adopts them). An id whose entry is
-- gone (removed by such a version) is dropped from the order.
-- KEYS[1] outbox hash (event id -> entry), KEYS[2] order (sorted set of event ids).
local ids = redis.call('ZRANGE', KEYS[2], 0, tonumber(ARGV[1]) - 1)
local result = { tostring(redis.call('HLEN', KEYS[1]) - redis.call('ZCARD', KEYS[2])) }
if #ids == 0 then return result end
local entries = redis.call('HMGET', KEYS[1], unpack(ids))
for k = 1, #ids do
  if entries[k] then
    result[#result + 1] = entries[k]
  else
    redis.call('ZREM', KEYS[2], ids[k])
    result[1] = tostring(tonumber(result[1]) + 1)
  end
end
return result
