-- 입사일: the day someone joined, from which their annual leave is reckoned (AnnualLeave). Those already here are taken
-- as hired on January 1st of the year before their record was made: their leave stays the flat 15 days it was (this
-- year and the next) and none of it is refused for the date, until an administrator enters the real one (입사일 정정).
-- A row written without one (a script, say) takes the day it is written.
alter table employee add column hired_on date null after position;
update employee set hired_on = makedate(year(created_at) - 1, 1);
alter table employee modify column hired_on date not null default (curdate());

-- The allowance a year's account was opened with (half days), so that a corrected hire date moves it by the difference
-- to what the new date gives. Accounts opened before: null, which was the flat erp.leave.annual-days.
alter table leave_account add column allowance_half_days int null after granted_half_days;
