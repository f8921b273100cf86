-- Sets aside an entry Kafka refused for good: out of the outbox, its order and its document's held entries, into the
-- dead letters with why. Nothing if it was published or set aside meanwhile.
-- KEYS[1] outbox hash, KEYS[2] order, KEYS[3] the document's held entries (set), KEYS[4] dead letters (hash event id
-- -> entry), KEYS[5] their reasons (hash event id -> json). ARGV[1] event id, ARGV[2] reason json.
local entry = redis.call('HGET', KEYS[1], ARGV[1])
if not entry then return 0 end
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('SREM', KEYS[3], ARGV[1])
redis.call('HSET', KEYS[4], ARGV[1], entry)
redis.call('HSET', KEYS[5], ARGV[1], ARGV[2])
return 1
