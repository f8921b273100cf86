-- Each change of an approver's delegation gets the next revision, carried by its event: the services that keep a copy
-- apply an event only if it is newer than the one they have (a replayed or redelivered old event changes nothing).
-- On the employee row, not the delegation's, since ending a delegation removes that row.
alter table employee add column delegation_revision bigint not null default 0;
