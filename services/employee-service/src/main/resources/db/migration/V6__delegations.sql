-- 대결: while an approver is away, a deputy decides for them. One delegation per approver at a time (setting another
-- replaces it); a row is removed when its approver ends it. Dates are days of the company's calendar, both included.
create table delegation (
    approver_id  bigint        not null primary key,
    deputy_id    bigint        not null,
    start_date   date          not null,
    end_date     date          not null,
    reason       varchar(200)  null,
    updated_at   datetime(3)   not null,
    constraint fk_delegation_approver foreign key (approver_id) references employee (id),
    constraint fk_delegation_deputy foreign key (deputy_id) references employee (id),
    index ix_delegation_deputy (deputy_id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- The quest outbox becomes employee-service's outbox: quest changes and delegation changes, each row naming what
-- it is (its topic follows from that) and its Kafka key.
rename table quest_outbox to employee_outbox;
alter table employee_outbox change column quest_id message_key varchar(64) not null;
alter table employee_outbox add column kind varchar(16) not null default 'QUEST' after event_id;
