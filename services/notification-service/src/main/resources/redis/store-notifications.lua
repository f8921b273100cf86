-- Stores an event's notifications and publishes them, all in one step (one round trip, nothing half done).
-- For each notification i (keys 4i-3 .. 4i): its dedupe key, its recipient's inbox, the inbox's unread counter,
-- the document's hash of the newest state each person was told where they stand at (any key if not about one).
-- ARGV: dedupe ttl seconds, last index kept in an inbox, pub/sub channel, seconds an inbox is kept after its last
-- notification (and its unread counter, which counts no more than the inbox keeps), then per notification: the stored
-- notification (JSON), the published delivery (JSON), the recipient's id, the state version it tells them where
-- they stand at ('' for a notification that only reports something). An empty notification only marks where its
-- person stands (Delivery.standingOnly): nothing is stored or published, nothing counted.
-- A notification already stored (a redelivered event) is skipped, and so is one that tells someone where they
-- stood at an older state of the document than one they were told of already (it arrived late from another topic).
-- Returns how many were stored.
local ttl, lastKept, channel, inboxKept = ARGV[1], tonumber(ARGV[2]), ARGV[3], ARGV[4]
local stored = 0
for i = 1, #KEYS / 4 do
  local dedupe, inbox, unread, standing = KEYS[4 * i - 3], KEYS[4 * i - 2], KEYS[4 * i - 1], KEYS[4 * i]
  local notification, delivery, person, version = ARGV[4 * i + 1], ARGV[4 * i + 2], ARGV[4 * i + 3], ARGV[4 * i + 4]
  local current = true
  if version ~= '' then
    local told = redis.call('HGET', standing, person)
    if told and tonumber(told) > tonumber(version) then
      current = false
    else
      redis.call('HSET', standing, person, version)
      redis.call('EXPIRE', standing, ttl)
    end
  end
  if current and notification ~= '' and redis.call('SET', dedupe, '1', 'NX', 'EX', ttl) then
    redis.call('LPUSH', inbox, notification)
    redis.call('LTRIM', inbox, 0, lastKept)
    if redis.call('INCR', unread) > lastKept + 1 then
      redis.call('SET', unread, lastKept + 1)
    end
    redis.call('EXPIRE', inbox, inboxKept)
    redis.call('EXPIRE', unread, inboxKept)
    redis.call('PUBLISH', channel, delivery)
    stored = stored + 1
  end
end
return stored
