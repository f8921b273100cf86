-- The outbox's oldest entries after a place in its order, at most ARGV[1] ids (more when the last shares its score
-- with others: a page never ends inside such a group, which the next page's start would skip), in the order they
-- were stored. The result: how many entries are not in that order yet (stored by a version before it, during an
-- upgrade: the caller adopts them), the score of the last id read ("" if none), how many ids were read, then the
-- entries. An id whose entry is gone (removed by such a version) is dropped from the order.
-- KEYS[1] outbox hash (event id -> entry), KEYS[2] order (sorted set of event ids)
-- ARGV[1] how many ids at most, ARGV[2] from which score: "-inf" (the oldest), or "(<score>" (after that one)
local scored = redis.call('ZRANGEBYSCORE', KEYS[2], ARGV[2], '+inf', 'WITHSCORES', 'LIMIT', 0, tonumber(ARGV[1]))
local result = { tostring(redis.call('HLEN', KEYS[1]) - redis.call('ZCARD', KEYS[2])), '', '0' }
if #scored == 0 then return result end
local last = scored[#scored]
local ids, taken = {}, {}
for k = 1, #scored, 2 do
  ids[#ids + 1] = scored[k]
  taken[scored[k]] = true
end
-- adopted entries of one instant share a score (the counter's are unique)
for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], last, last)) do
  if not taken[id] then ids[#ids + 1] = id end
end
result[2] = last
result[3] = tostring(#ids)
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
