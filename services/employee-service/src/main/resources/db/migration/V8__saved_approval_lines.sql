-- 자주 쓰는 결재선: approval lines a person keeps to fill a new document's approvers, 합의 (agreement), cc and
-- receivers at once. Names are unique per owner in the column's collation (case-insensitive), which the service
-- checks first to answer 409 with the name.
create table saved_approval_line (
    id                  bigint       not null auto_increment primary key,
    owner_id            bigint       not null,
    name                varchar(50)  not null,
    -- the 합의 step comes before this approver (1-based); null: before the last one
    agreement_position  int          null,
    saved_at            datetime(3)  not null,
    version             bigint       not null default 0,
    constraint fk_saved_line_owner foreign key (owner_id) references employee (id),
    constraint uq_saved_line_owner_name unique (owner_id, name)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- The people of a line, in order within their role (seq orders them all).
create table saved_approval_line_member (
    line_id      bigint       not null,
    seq          int          not null,
    role         varchar(16)  not null,
    employee_id  bigint       not null,
    primary key (line_id, seq),
    constraint fk_saved_line_member_line foreign key (line_id) references saved_approval_line (id) on delete cascade,
    constraint fk_saved_line_member_employee foreign key (employee_id) references employee (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
