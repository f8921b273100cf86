-- 퇴근 기록 정정: a check-out a lead, head or administrator recorded for someone (who, when, why, what it was before)
alter table attendance add column correction varchar(400) null after counted;
