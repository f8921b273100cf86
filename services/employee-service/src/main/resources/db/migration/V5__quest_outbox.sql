-- Quest changes waiting to be published to Kafka (topic quest.changed): written in the transaction of the change,
-- deleted once published (route employee.quest-outbox), so a change is told exactly when it happened and never lost.
create table quest_outbox (
    id          bigint       not null auto_increment primary key,
    event_id    varchar(36)  not null,
    quest_id    bigint       not null,
    payload     text         not null,
    created_at  datetime(3)  not null,
    constraint uk_quest_outbox_event unique (event_id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
