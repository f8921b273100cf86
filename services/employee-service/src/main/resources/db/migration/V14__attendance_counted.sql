-- Whether a day of attendance counts toward the leave day earned every 30 days: not a check-in on a day the company
-- does not work (weekend, public holiday) nor on one's own approved day of leave. Days checked in before stay counted.
alter table attendance add column counted boolean not null default true after check_out;
