-- Removes a published entry from the outbox and from its order. KEYS[1] outbox hash, KEYS[2] order. ARGV[1] event id.
redis.call('ZREM', KEYS[2], ARGV[1])
return redis.call('HDEL', KEYS[1], ARGV[1])
