-- Gives a drafter's hour back after their reminder could not be sent, unless another request holds it by now.
-- KEYS[1] erp:reminded:<approval id>. ARGV[1] the reminder's event id.
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
