-- 입사일: the day someone joined, from which their annual leave is reckoned (AnnualLeave). Those already here take the
-- day their record was made; a row written without one (a script, say) takes the day it is written.
alter table employee add column hired_on date null after position;
update employee set hired_on = date(created_at);
alter table employee modify column hired_on date not null default (curdate());
