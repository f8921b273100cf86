-- 퇴사: why someone left, as the administrator who recorded it wrote (optional).
alter table employee add column departure_reason varchar(200) null after departed_at;
