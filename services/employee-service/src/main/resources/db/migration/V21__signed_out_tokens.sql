-- A logout ends the one token it was made with (its id, claim jti), not every token of the person: the tokens logged out
-- of, until they expire, are part of the person's record on the compacted tokens-revoked topic. Each record of a person
-- carries a revision that grows with every one (a token version raised or a token logged out of), so a service knows
-- the later of two whatever order it reads them in; it starts where the token version is.
alter table employee add column revocation_revision bigint not null default 0;
update employee set revocation_revision = token_version;

create table signed_out_token (
    token_id       varchar(64) not null primary key,
    employee_id    bigint      not null,
    -- the version it was issued at: once the person's is higher it is refused anyway, and the row is let go
    token_version  bigint      not null,
    -- seconds since the epoch: after that it is refused for having expired, and the row is let go
    expires_epoch  bigint      not null,
    key ix_signed_out_token_employee (employee_id),
    constraint fk_signed_out_token_employee foreign key (employee_id) references employee (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
