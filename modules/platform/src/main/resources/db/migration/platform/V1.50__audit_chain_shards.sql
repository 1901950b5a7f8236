-- The audit trail of a county becomes 32 interleaved hash chains (shards) so that a county's
-- writes append in parallel: each record links to the previous record of its own shard, and seq
-- (county-wide order, from one sequence) stays unique per county. Existing records form shard 0.
alter table audit_record add column shard smallint not null default 0;
create index audit_record_shard_idx on audit_record (tenant_id, shard, seq);

create sequence audit_record_seq;
select setval('audit_record_seq', coalesce((select max(seq) from audit_record), 0) + 1, false);
grant usage on sequence audit_record_seq to ${app_role};

-- Where the next record goes, in one statement: the transaction's shard, chosen from its transaction
-- id (all its records go to one shard, so two transactions that each write two records never take
-- two shards' locks in opposite orders; the advisory lock is re-entrant), the shard's append lock
-- (held to the end of the transaction), then the shard's last hash read with a snapshot taken after
-- the lock (a volatile function's statements each see what committed before them), and the seq.
create function wangwu_audit_tail(county varchar, shards integer,
                                  out shard_no smallint, out next_seq bigint, out prev_hash varchar)
language plpgsql volatile as $$
begin
    shard_no := cast(txid_current() % shards as smallint);
    perform pg_advisory_xact_lock(1096, cast(county as integer) * shards + shard_no);
    select r.hash into prev_hash from audit_record r
     where r.tenant_id = county and r.shard = shard_no order by r.seq desc limit 1;
    next_seq := nextval('audit_record_seq');
end $$;
grant execute on function wangwu_audit_tail(varchar, integer) to ${app_role};
