-- Moves a document's next reminder (독촉) once one was sent or found unneeded, unless the document moved on
-- meanwhile (a new step activated: the commit script scored it anew; finished: it removed it).
-- KEYS[1] reminders sorted set. ARGV: approval id, the score that was due, the next one (epoch ms; '0' = none).
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not score or tonumber(score) ~= tonumber(ARGV[2]) then return 0 end
if ARGV[3] == '0' then
  redis.call('ZREM', KEYS[1], ARGV[1])
else
  redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
end
return 1
