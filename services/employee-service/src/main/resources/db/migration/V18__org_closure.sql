-- 조직 폐지: when an administrator closed a department or a team (nobody active was in it any more). Kept, for the
-- people who were in it and the saved lines that named it, but no longer on the org chart.
alter table department add column closed_at timestamp(3) null after head_id;
alter table team add column closed_at timestamp(3) null after lead_id;
