-- Stores an event's notifications and publishes them, all in one step (one round trip, nothing half done).
-- For each notification i (keys 5i-4 .. 5i): its dedupe key, its recipient's inbox, the inbox's unread counter,
-- the document's hash of the newest state each person was told where they stand at (any key if not about one), the
-- list of its sender's notifications in that inbox (any key if it has no sender).
-- ARGV: dedupe ttl seconds, last index kept in an inbox, pub/sub channel, seconds an inbox is kept after its last
-- notification (and its unread counter, which counts no more than the inbox keeps), how many of one sender's an inbox
-- keeps, then per notification: the stored notification (JSON), the published delivery (JSON), the recipient's id,
-- the state version it tells them where they stand at ('' for a notification that only reports something), its id
-- if it has a sender ('' if not). An empty notification only marks where its person stands (Delivery.standingOnly):
-- nothing is stored or published, nothing counted.
-- A notification already stored (a redelivered event) is skipped, and so is one that tells someone where they
-- stood at an older state of the document than one they were told of already (it arrived late from another topic).
-- Of one sender's notifications an inbox keeps the newest few: a flood from one person (submitting and withdrawing
-- documents that name someone) pushes out their own, not what everyone else told. The sender's list holds the ids of
-- at least every one of theirs still in the inbox (one trimmed off its end lingers there until pushed out).
-- Returns how many were stored.
local ttl, lastKept, channel, inboxKept = ARGV[1], tonumber(ARGV[2]), ARGV[3], ARGV[4]
local perSender = tonumber(ARGV[5])
local stored = 0
for i = 1, #KEYS / 5 do
  local dedupe, inbox, unread, standing, from = KEYS[5 * i - 4], KEYS[5 * i - 3], KEYS[5 * i - 2], KEYS[5 * i - 1],
    KEYS[5 * i]
  local notification, delivery, person, version, listed = ARGV[5 * i + 1], ARGV[5 * i + 2], ARGV[5 * i + 3],
    ARGV[5 * i + 4], ARGV[5 * i + 5]
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
    if listed ~= '' then
      redis.call('LPUSH', from, listed)
      while redis.call('LLEN', from) > perSender do
        local oldest = redis.call('RPOP', from)
        -- found from the end, where the oldest are; decoded only here, when one sender has more than their share
        local items = redis.call('LRANGE', inbox, 0, -1)
        for at = #items, 1, -1 do
          local ok, told = pcall(cjson.decode, items[at])
          if ok and told.id == oldest then
            redis.call('LREM', inbox, -1, items[at])
            -- the unread ones are the newest `unread`: one of them gone is one fewer unread
            if at <= tonumber(redis.call('GET', unread) or '0') then
              redis.call('DECR', unread)
            end
            break
          end
        end
      end
      redis.call('EXPIRE', from, inboxKept)
    end
    redis.call('EXPIRE', inbox, inboxKept)
    redis.call('EXPIRE', unread, inboxKept)
    redis.call('PUBLISH', channel, delivery)
    stored = stored + 1
  end
end
return stored
