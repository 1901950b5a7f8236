-- An event may name several account holders (a settled dispute's parties): it earns each of them
-- once, so an event's award is unique per rule and account rather than per rule.
drop index points_award_event_idx;
create unique index points_award_event_idx on points_award (tenant_id, event_id, rule_code, account_id)
    where event_id is not null;
