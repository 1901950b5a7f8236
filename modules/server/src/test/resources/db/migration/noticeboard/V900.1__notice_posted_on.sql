-- The day a notice was posted: what the notice board's recount of its facts counts by.
alter table noticeboard_notice add column posted_on date not null default current_date;
