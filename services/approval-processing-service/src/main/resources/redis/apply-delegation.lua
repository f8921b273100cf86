-- Keeps an approver's delegation and raises the revision other instances watch, in one step: a failure between the
-- two would leave the change in the hash unseen by them, and its redelivery, no longer newer, would not raise it.
-- Unless what is kept is as new or newer (an old event replayed, or applied late by an instance that was handing
-- the approver's partition over): compared here, with the write, so nothing can come in between.
-- KEYS[1] delegations hash, KEYS[2] revision counter. ARGV: approver id, event json, the event's revision.
-- Returns the new revision, or -1 when the event was not newer and nothing changed.
local stored = redis.call('HGET', KEYS[1], ARGV[1])
if stored then
  local ok, kept = pcall(cjson.decode, stored)
  if ok and type(kept) == 'table' and tonumber(kept.revision) and tonumber(kept.revision) >= tonumber(ARGV[3]) then
    return -1
  end
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return redis.call('INCR', KEYS[2])
