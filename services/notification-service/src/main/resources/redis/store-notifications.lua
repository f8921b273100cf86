-- Stores an event's notifications and publishes them, all in one step (one round trip, nothing half done).
-- For each notification i (keys 3i-2 .. 3i): its dedupe key, its recipient's inbox, the inbox's unread counter.
-- ARGV: dedupe ttl seconds, last index kept in an inbox, pub/sub channel, then per notification: the stored
-- notification (JSON) and the published delivery (JSON).
-- A notification already stored (a redelivered event) is skipped. Returns how many were stored.
local ttl, lastKept, channel = ARGV[1], tonumber(ARGV[2]), ARGV[3]
local stored = 0
for i = 1, #KEYS / 3 do
  local dedupe, inbox, unread = KEYS[3 * i - 2], KEYS[3 * i - 1], KEYS[3 * i]
  if redis.call('SET', dedupe, '1', 'NX', 'EX', ttl) then
    redis.call('LPUSH', inbox, ARGV[2 + 2 * i])
    redis.call('LTRIM', inbox, 0, lastKept)
    redis.call('INCR', unread)
    redis.call('PUBLISH', channel, ARGV[3 + 2 * i])
    stored = stored + 1
  end
end
return stored
