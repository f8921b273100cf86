-- Outbox rows Kafka refused for good (too large for their topic, a record it cannot take): moved here with the reason, so that
-- the rows behind them (token revocations among them) are published meanwhile. An operator replays them once the
-- cause is mended (MBean com.erp:type=OutboxDeadLetters,service=employee). One row per event.
create table employee_outbox_dead (
    id           bigint        not null auto_increment primary key,
    event_id     varchar(36)   not null,
    kind         varchar(16)   not null,
    message_key  varchar(64)   not null,
    payload      text          not null,
    created_at   datetime(3)   not null,
    traceparent  varchar(55)   null,
    reason       varchar(1000) not null,
    failed_at    datetime(3)   not null,
    constraint uk_employee_outbox_dead_event unique (event_id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
