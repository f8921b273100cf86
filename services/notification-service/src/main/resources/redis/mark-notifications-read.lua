-- Marks a user's notifications read up to the newest one they saw, in one step with the counter: one stored
-- meanwhile (store-notifications.lua increments the counter) stays unread.
-- KEYS: the inbox, its unread counter. ARGV: the id of the newest notification seen ('' for all of them).
-- Only the newest `unread` entries can be unread: those before the one seen stay so. Returns the unread count left.
local inbox, unread, seen = KEYS[1], KEYS[2], ARGV[1]
if redis.call('EXISTS', inbox) == 0 then
  -- nothing kept (never, or let go): no counter either, not one made here without the inbox's expiry
  redis.call('DEL', unread)
  return 0
end
local count = tonumber(redis.call('GET', unread) or '0')
if seen == '' or count <= 0 then
  redis.call('SET', unread, '0', 'KEEPTTL')
  return 0
end
local newer = 0
for _, item in ipairs(redis.call('LRANGE', inbox, 0, count - 1)) do
  local ok, notification = pcall(cjson.decode, item)
  if ok and notification.id == seen then
    break
  end
  newer = newer + 1
end
redis.call('SET', unread, tostring(newer), 'KEEPTTL') -- the inbox's expiry stays the counter's
return newer
