-- Puts dead letters (entries Kafka refused for good) back at the end of the outbox, for the relay: those whose event
-- ids ARGV gives, in that order; an entry in the outbox again
-- already stays there once. Returns how many went back.
-- KEYS[1] outbox hash, KEYS[2] order, KEYS[3] the order's counter, KEYS[4] dead letters, KEYS[5] their reasons.
local back = 0
for k = 1, #ARGV do
  local entry = redis.call('HGET', KEYS[4], ARGV[k])
  if entry then
    if redis.call('HSETNX', KEYS[1], ARGV[k], entry) == 1 then
      redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[3]), ARGV[k])
      back = back + 1
    end
    redis.call('HDEL', KEYS[4], ARGV[k])
    redis.call('HDEL', KEYS[5], ARGV[k])
  end
end
return back
