-- 퇴사: when an employee left (null while employed). Their row stays: documents, ledgers and history name them.
alter table employee add column departed_at datetime(3) null after active;
