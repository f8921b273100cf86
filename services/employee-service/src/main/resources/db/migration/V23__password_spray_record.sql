-- Password spraying (PasswordSprayGuard): on which accounts each password failed within the window, and the passwords
-- paused, kept where every instance of employee-service counts them together and a restart forgets neither (before,
-- each instance counted alone, in memory). A password and an account's name are stored only as keyed hashes
-- (HMAC-SHA256, base64; the key is derived from the token signing key): nothing here tells what either was.
-- Times are milliseconds since the epoch.
create table password_spray_failure (
    password_print varchar(44) not null,
    account_print  varchar(44) not null,
    failed_at      bigint      not null,
    primary key (password_print, account_print),
    key ix_password_spray_failure_at (failed_at)
) engine = InnoDB default charset = ascii collate = ascii_bin;

create table password_spray_pause (
    password_print varchar(44) not null primary key,
    paused_until   bigint      not null,
    key ix_password_spray_pause_until (paused_until)
) engine = InnoDB default charset = ascii collate = ascii_bin;
