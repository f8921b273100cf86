-- Attendance: one check-in (and at most one check-out) per employee and day. Every 30th day of attendance earns a
-- leave day (a leave entry of kind EARNED that names the day count; once per count).
create table attendance (
    id          bigint      not null auto_increment primary key,
    employee_id bigint      not null,
    work_date   date        not null,
    check_in    datetime(3) not null,
    check_out   datetime(3) null,
    version     bigint      not null default 0,
    constraint uk_attendance_day unique (employee_id, work_date),
    constraint fk_attendance_employee foreign key (employee_id) references employee (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

alter table leave_entry add column attendance_days int null,
    add constraint uk_leave_entry_attendance unique (employee_id, attendance_days);
