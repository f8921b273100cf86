-- The org chart and the people who log in. Ids start at 1001 so they read as employee numbers.
create table department (
    id         bigint       not null auto_increment primary key,
    code       varchar(32)  not null,
    name       varchar(100) not null,
    head_id    bigint       null,
    version    bigint       not null default 0,
    constraint uk_department_code unique (code)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table team (
    id            bigint       not null auto_increment primary key,
    department_id bigint       not null,
    name          varchar(100) not null,
    lead_id       bigint       null,
    version       bigint       not null default 0,
    constraint uk_team_name unique (department_id, name),
    constraint fk_team_department foreign key (department_id) references department (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table employee (
    id            bigint       not null auto_increment primary key,
    username      varchar(64)  not null,
    password_hash varchar(100) not null,
    name          varchar(100) not null,
    email         varchar(200) null,
    department_id bigint       not null,
    team_id       bigint       null,
    position      varchar(20)  not null,
    roles         varchar(100) not null,
    active        boolean      not null default true,
    version       bigint       not null default 0,
    created_at    timestamp(3) not null default current_timestamp(3),
    constraint uk_employee_username unique (username),
    constraint fk_employee_department foreign key (department_id) references department (id),
    constraint fk_employee_team foreign key (team_id) references team (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci auto_increment = 1001;

alter table department add constraint fk_department_head foreign key (head_id) references employee (id);
alter table team add constraint fk_team_lead foreign key (lead_id) references employee (id);
