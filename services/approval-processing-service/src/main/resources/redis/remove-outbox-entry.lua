-- Removes a published entry from the outbox, from its order and from its document's held entries.
-- KEYS[1] outbox hash, KEYS[2] order, KEYS[3] the document's held entries (set). ARGV[1] event id.
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('SREM', KEYS[3], ARGV[1])
return redis.call('HDEL', KEYS[1], ARGV[1])
