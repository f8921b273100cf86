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
-- their share has their oldest looked for. An inbox without counts (from before them) is counted once, first.
-- Returns how many were stored.
local ttl, keep, channel, inboxKept = ARGV[1], tonumber(ARGV[2]), ARGV[3], ARGV[4]
local perSender = tonumber(ARGV[5])
local stored = 0

-- the sender's id of a stored notification, or nil (written as Java writes a long: no exponent)
local function senderOf(item)
  local ok, told = pcall(cjson.decode, item)
  if ok and type(told) == 'table' and type(told.actor) == 'table' and type(told.actor.id) == 'number' then
    return string.format('%.0f', told.actor.id)
  end
  return nil
end

-- whether a stored notification is the sender's: a cheap match of the actor's id first, then the decoded sender
local function sentBy(item, sender)
  return (string.find(item, '"id":' .. sender .. ',', 1, true) or string.find(item, '"id":' .. sender .. '}', 1, true))
    and senderOf(item) == sender
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
    if redis.call('EXISTS', senders) == 0 then
      -- counted from now (an inbox from before the counts, or one that lapsed): what it holds counted first; the
      -- mark '#' (no sender's id) tells an inbox counted, also when nobody sent what it holds
      redis.call('HSET', senders, '#', 1)
      for _, item in ipairs(redis.call('LRANGE', inbox, 0, -1)) do
        local from = senderOf(item)
        if from then
          redis.call('HINCRBY', senders, from, 1)
        end
      end
    end
    redis.call('LPUSH', inbox, notification)
    local u = redis.call('INCR', unread) -- no more than the inbox keeps once it is cut to it, below
    local over = sender ~= '' and redis.call('HINCRBY', senders, sender, 1) - perSender or 0
    if over > 0 then
      -- over their share (by more than one if it was lowered): their oldest go, looked for from the end
      local items = redis.call('LRANGE', inbox, 0, -1)
      local removed = 0
      for at = #items, 2, -1 do
        if removed >= over then
          break
        end
        if sentBy(items[at], sender) then
          redis.call('LREM', inbox, -1, items[at])
          removed = removed + 1
          -- the unread ones are the newest `u`: one of them gone is one fewer unread (those nearer the front, looked
          -- at next, keep their places)
          if at <= u then
            u = redis.call('DECR', unread)
          end
        end
      end
      if removed < over then
        redis.call('HSET', senders, sender, 1) -- counted more than there are: the whole inbox looked at, this is all
      else
        redis.call('HINCRBY', senders, sender, -removed)
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
