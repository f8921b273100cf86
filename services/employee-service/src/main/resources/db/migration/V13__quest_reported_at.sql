-- When the quest in hand was last reported done (null: not since it was taken). A poster may call a quest off only
-- until it has been reported: sending it back first no longer makes a reported quest cancellable without paying.
alter table quest add column reported_at datetime(3) null after report;
