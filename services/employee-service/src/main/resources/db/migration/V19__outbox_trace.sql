-- The trace (W3C traceparent) of the request that wrote an outbox row: the relay's route continues it, so a quest's,
-- a delegation's or a revocation's event carries the trace of the change that caused it. Null for rows written
-- outside any trace.
alter table employee_outbox add column traceparent varchar(55) null;
