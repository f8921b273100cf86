-- Stores an event's notifications and publishes them, all in one step (one round trip, nothing half done).
-- For each notification i (keys 5i-4 .. 5i): its dedupe key, its recipient's inbox, the inbox's unread counter,
-- the document's hash of the newest state each person was told where they stand at (any key if not about one), the
-- inbox's count of each sender's notifications in it.
-- ARGV: dedupe ttl seconds, how many an inbox keeps, pub/sub channel, seconds an inbox is kept after its last
-- notification (and its unread counter, which counts no more than the inbox keeps, and its senders' counts), how many
-- of one sender's an inbox keeps, then per notification: the stored notification (JSON), the published delivery
-- (JSON), the recipient's id, the state version it tells them where they stand at ('' for a notification that only
-- reports something), its sender's id ('' if nobody sent it). An empty notification only marks where its person
-- stands (Delivery.standingOnly): nothing is stored or published, nothing counted.
-- A notification already stored (a redelivered event) is skipped, and so is one that tells someone where they
-- stood at an older state of the document than one they were told of already (it arrived late from another topic).
-- Of one sender's notifications an inbox keeps the newest few: a flood from one person (submitting and withdrawing
-- documents that name someone) pushes out their own, not what everyone else told. The counts follow every
-- notification in and out (the oldest let go when the inbox is full is decoded for its sender); only a sender over
-- their share has their oldest looked for. Notifications stored before the counts were kept are not counted (a count
-- that would go below nothing goes), so for a while a sender may have a few more than their share.
-- Returns how many were stored.
local ttl, keep, channel, inboxKept = ARGV[1], tonumber(ARGV[2]), ARGV[3], ARGV[4]
local perSender = tonumber(ARGV[5])
local stored = 0

-- the sender's id of a stored notification, or nil
local function senderOf(item)
  local ok, told = pcall(cjson.decode, item)
  if ok and type(told.actor) == 'table' and told.actor.id ~= nil then
    return tostring(told.actor.id)
  end
  return nil
end

local function uncount(senders, sender)
  if sender and redis.call('HINCRBY', senders, sender, -1) <= 0 then
    redis.call('HDEL', senders, sender)
  end
end

for i = 1, #KEYS / 5 do
  local dedupe, inbox, unread, standing, senders = KEYS[5 * i - 4], KEYS[5 * i - 3], KEYS[5 * i - 2],
    KEYS[5 * i - 1], KEYS[5 * i]
  local notification, delivery, person, version, sender = ARGV[5 * i + 1], ARGV[5 * i + 2], ARGV[5 * i + 3],
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
    redis.call('INCR', unread) -- no more than the inbox keeps once it is cut to it, below
    if sender ~= '' and redis.call('HINCRBY', senders, sender, 1) > perSender then
      -- over their share: their oldest goes, looked for from the end (a cheap match first, then the decoded sender)
      local items = redis.call('LRANGE', inbox, 0, -1)
      local hint = '"id":' .. sender .. ','
      local found = false
      for at = #items, 2, -1 do
        if string.find(items[at], hint, 1, true) and senderOf(items[at]) == sender then
          redis.call('LREM', inbox, -1, items[at])
          -- the unread ones are the newest `unread`: one of them gone is one fewer unread
          if at <= tonumber(redis.call('GET', unread) or '0') then
            redis.call('DECR', unread)
          end
          found = true
          break
        end
      end
      if found then
        uncount(senders, sender)
      else
        redis.call('HSET', senders, sender, 1) -- counted more than there are: this one is all
      end
    end
    -- full: the oldest goes, and its sender's count with it
    while redis.call('LLEN', inbox) > keep do
      uncount(senders, senderOf(redis.call('RPOP', inbox)))
    end
    if tonumber(redis.call('GET', unread)) > keep then
      redis.call('SET', unread, keep)
    end
    redis.call('EXPIRE', inbox, inboxKept)
    redis.call('EXPIRE', unread, inboxKept)
    redis.call('EXPIRE', senders, inboxKept)
    redis.call('PUBLISH', channel, delivery)
    stored = stored + 1
  end
end
return stored
