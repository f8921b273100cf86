-- The leave ledger: each employee's annual allowance per year, and every change to it as an entry. Days are
-- counted in half days (a half day off is the smallest unit), so sums are exact.
create table leave_account (
    id                 bigint  not null auto_increment primary key,
    employee_id        bigint  not null,
    leave_year         int     not null,
    granted_half_days  int     not null,
    used_half_days     int     not null default 0,
    reserved_half_days int     not null default 0,
    version            bigint  not null default 0,
    constraint uk_leave_account unique (employee_id, leave_year),
    constraint fk_leave_account_employee foreign key (employee_id) references employee (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- kind: RESERVED / REFUSED (a leave document submitted), DEDUCTED (approved), RELEASED (rejected or withdrawn),
-- GRANTED (added by an administrator). One of each kind per document at most: redelivered events change nothing.
create table leave_entry (
    id                       bigint       not null auto_increment primary key,
    employee_id              bigint       not null,
    leave_year               int          not null,
    kind                     varchar(16)  not null,
    half_days                int          not null,
    available_after_half_days int         not null,
    approval_id              varchar(64)  null,
    title                    varchar(200) null,
    leave_kind               varchar(16)  null,
    start_date               date         null,
    end_date                 date         null,
    note                     varchar(500) null,
    actor_id                 bigint       null,
    created_at               datetime(3)  not null,
    constraint uk_leave_entry_approval unique (approval_id, kind),
    constraint fk_leave_entry_employee foreign key (employee_id) references employee (id),
    index ix_leave_entry_employee (employee_id, leave_year, id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
