-- Puts entries stored without an order (by a version before it) into the order, each at the score given (before
-- every entry stored since, by when it was stored), unless it is there already or was published meanwhile.
-- KEYS[1] outbox hash, KEYS[2] order. ARGV: pairs of (score, event id).
local adopted = 0
for k = 1, #ARGV, 2 do
  if redis.call('HEXISTS', KEYS[1], ARGV[k + 1]) == 1 then
    adopted = adopted + redis.call('ZADD', KEYS[2], 'NX', ARGV[k], ARGV[k + 1])
  end
end
return adopted
