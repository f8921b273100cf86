-- Holds an entry that a publication or the relay could not send, and so its document: the document's later changes
-- leave their events to the relay, behind it, until it is published. Nothing if it was published meanwhile.
-- KEYS[1] outbox hash, KEYS[2] the document's held entries (set). ARGV[1] event id.
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then
  return redis.call('SADD', KEYS[2], ARGV[1])
end
return 0
