-- 자주 쓰는 결재선: the whole departments a line sends a document to once approved (수신처), in order.
create table saved_approval_line_department (
    line_id        bigint  not null,
    seq            int     not null,
    department_id  bigint  not null,
    primary key (line_id, seq),
    constraint fk_saved_line_department_line foreign key (line_id) references saved_approval_line (id) on delete cascade,
    constraint fk_saved_line_department foreign key (department_id) references department (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
