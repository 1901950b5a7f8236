-- Each follow-up visit keeps the satisfaction it was given on its step, so that the module's daily
-- facts (visits and satisfaction summed) can be recounted from the case's path.
alter table dispute_case_step add column satisfaction integer;
