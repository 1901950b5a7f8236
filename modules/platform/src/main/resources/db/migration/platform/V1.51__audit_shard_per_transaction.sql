-- A transaction writes all its audit records into one shard, chosen from its transaction id: two
-- transactions that each write two records can no longer take two shards' locks in opposite
-- orders (a deadlock). The advisory lock is re-entrant within the transaction.
drop function wangwu_audit_tail(varchar, smallint, integer);
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
