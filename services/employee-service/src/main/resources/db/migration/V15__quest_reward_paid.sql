-- What an approved quest paid: its reward, or less once its assignee's quest rewards of the year reach the yearly
-- limit (erp.quests.max-reward-days-per-year). Null until approved; quests approved before the limit paid their reward.
alter table quest add column reward_paid_half_days int null after reward_half_days;
update quest set reward_paid_half_days = reward_half_days where status = 'APPROVED';
