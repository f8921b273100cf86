-- Grows whenever an administrator changes what someone's tokens say or records their departure. Tokens carry the
-- version they were issued at (claim "tv"); every service refuses those older than the person's latest revocation,
-- whatever the clock says, so a sign-in that read the row before a change gets a token refused with the others.
alter table employee add column token_version bigint not null default 0 after departure_reason;
