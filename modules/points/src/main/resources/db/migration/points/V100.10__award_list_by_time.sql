-- The award list of a township or the whole county (village code by prefix) newest first: an index in
-- the list's order, so a page starts at its cursor whatever the depth (the village index serves one village).
create index points_award_time_idx on points_award (tenant_id, requested_at desc, id desc);
