-- Quests: a manager posts a task with a reward in leave days, an employee takes it and reports it done, the manager
-- signs it off and the reward is earned (a leave entry of kind EARNED).
create table quest (
    id                 bigint        not null auto_increment primary key,
    title              varchar(200)  not null,
    description        varchar(4000) null,
    reward_half_days   int           not null,
    due_date           date          null,
    status             varchar(16)   not null,
    poster_id          bigint        not null,
    assignee_id        bigint        null,
    -- the assignee while the quest is theirs (TAKEN, SUBMITTED), else null: one quest at a time per employee
    active_assignee_id bigint        null,
    report             varchar(4000) null,
    review_note        varchar(1000) null,
    posted_at          datetime(3)   not null,
    updated_at         datetime(3)   not null,
    version            bigint        not null default 0,
    constraint uk_quest_active_assignee unique (active_assignee_id),
    constraint fk_quest_poster foreign key (poster_id) references employee (id),
    constraint fk_quest_assignee foreign key (assignee_id) references employee (id),
    index ix_quest_status (status, id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- a quest's reward is earned once
alter table leave_entry add column quest_id bigint null,
    add constraint uk_leave_entry_quest unique (quest_id),
    add constraint fk_leave_entry_quest foreign key (quest_id) references quest (id);
