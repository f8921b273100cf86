-- Keeps an approver's delegation and raises the revision other instances watch, in one step: a failure between the
-- two would leave the change in the hash unseen by them, and its redelivery, no longer newer, would not raise it.
-- KEYS[1] delegations hash, KEYS[2] revision counter. ARGV: approver id, event json. Returns the new revision.
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return redis.call('INCR', KEYS[2])
