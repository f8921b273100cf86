-- Stores one transition of a document atomically: the new state (only if the stored version is the expected
-- one, or, when creating, only if there is none and the submission was not refused), the inbox changes, the events
-- for the outbox and when the document next reminds (독촉).
-- KEYS[1] state hash, KEYS[2] outbox hash, KEYS[3] reminders sorted set, KEYS[4] the document's refused mark,
-- KEYS[5] the outbox's order (sorted set of event ids, scored by KEYS[6], a counter: the relay reads the oldest
-- few), KEYS[7] the document's held entries (a set of event ids), KEYS[8..] one inbox hash per inbox change.
-- ARGV: expected version ('0' = create), new version, state json, #inbox changes, then per change
--       ('add'|'del', approval id, item json), #events, then per event (event id, outbox entry json), ttl seconds,
--       reminder ('' = as it is, '0' = none any more, else when it is due, epoch ms), approval id.
-- Returns 0 (not stored), 1 (stored: publish the events), 2 (stored, the events held for the relay: an earlier event
-- of the document could not be sent and waits there; published now, they would overtake it).
local state, outbox, reminders, order, sequence, held = KEYS[1], KEYS[2], KEYS[3], KEYS[5], KEYS[6], KEYS[7]
local expected = ARGV[1]
if expected == '0' then
  if redis.call('EXISTS', state) == 1 or redis.call('EXISTS', KEYS[4]) == 1 then return 0 end
elseif redis.call('HGET', state, 'version') ~= expected then
  return 0
end
redis.call('HSET', state, 'version', ARGV[2], 'state', ARGV[3])
local i = 4
local changes = tonumber(ARGV[i]); i = i + 1
for k = 1, changes do
  if ARGV[i] == 'add' then
    redis.call('HSET', KEYS[7 + k], ARGV[i + 1], ARGV[i + 2])
  else
    redis.call('HDEL', KEYS[7 + k], ARGV[i + 1])
  end
  i = i + 3
end
local events = tonumber(ARGV[i]); i = i + 1
local id = ARGV[i + events * 2 + 2]
local hold = false
if events > 0 and expected ~= '0' then
  -- an entry published by what does not know holds (an earlier version, during a rollout) holds nothing any more
  for _, waiting in ipairs(redis.call('SMEMBERS', held)) do
    if redis.call('HEXISTS', outbox, waiting) == 0 then redis.call('SREM', held, waiting) end
  end
  hold = redis.call('SCARD', held) > 0
end
if events > 0 then
  local first = redis.call('INCRBY', sequence, events) - events
  for k = 1, events do
    redis.call('HSET', outbox, ARGV[i], ARGV[i + 1])
    redis.call('ZADD', order, first + k, ARGV[i])
    if hold then redis.call('SADD', held, ARGV[i]) end
    i = i + 2
  end
end
local ttl = tonumber(ARGV[i]); i = i + 1
if ttl > 0 then redis.call('EXPIRE', state, ttl) end
local remind = ARGV[i]
if remind == '0' then
  redis.call('ZREM', reminders, id)
elseif remind ~= '' then
  redis.call('ZADD', reminders, remind, id)
end
if hold then return 2 end
return 1
