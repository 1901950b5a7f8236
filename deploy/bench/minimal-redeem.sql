-- pgbench, hand-written minimal transaction with a redemption's effects: balance check and update,
-- ledger entry, the oldest open lot debited, stock, the redemption, its event, the idempotency
-- record (with its response) and an audit record chained into one of the county's 32 audit shards
-- (lock, then the shard's last hash read by the insert), and the day's facts (points redeemed; the
-- account active, on its first award or redemption of the month). One data-modifying statement does the rest.
\set n random(1, :ntargets)
\set k random(1, 4000000000000)
select account_id, market_id, goods_id from bench_target where n = :n \gset t_
BEGIN;
select set_config('app.tenant_id', '419001', true);
with ids as (select gen_random_uuid() as r, gen_random_uuid() as e),
a as (update points_account set balance = balance - 1, last_seq = last_seq + 1, version = version + 1
       where tenant_id = '419001' and id = :t_account_id and balance >= 1
       returning id, balance, last_seq, village_code),
g as (update points_goods set stock = stock - 1, version = version + 1
       where tenant_id = '419001' and id = :t_goods_id and stock >= 1 and exists (select 1 from a) returning id),
l as (update points_lot set remaining = remaining - 1, version = version + 1
       where id = (select id from points_lot where tenant_id = '419001' and account_id = :t_account_id and remaining > 0
                   order by earned_at, id limit 1) and exists (select 1 from g) returning id),
e as (insert into points_ledger_entry (account_id, award_id, balance_after, booked_on, kind, memo, occurred_at, points,
        recorded_by, redemption_id, reverses_entry_id, seq, tenant_id, id)
       select a.id, null, a.balance, current_date, 'REDEMPTION', 'BENCH x 1', now(), -1, 'jiyuan-clerk', ids.r, null,
              a.last_seq, '419001', ids.e from a, ids, g returning id),
r as (insert into points_redemption (account_id, booked_on, clerk, entry_id, goods_id, points, quantity, redeemed_at,
        supermarket_id, tenant_id, id)
       select :t_account_id, current_date, 'jiyuan-clerk', ids.e, :t_goods_id, 1, 1, now(), :t_market_id, '419001', ids.r
         from ids, e returning id),
f as (insert into daily_fact (tenant_id, module_key, fact, day, place_code, dimension, value, kind)
       select '419001', 'points', 'points-redeemed', current_date, a.village_code, '', 1, 'FLOW' from a, e
       union all
       select '419001', 'points', 'accounts-active', current_date, a.village_code, '', 1, 'FLOW' from a, e
        where not exists (select 1 from points_ledger_entry x where x.tenant_id = '419001' and x.account_id = :t_account_id
                            and x.kind in ('AWARD', 'REDEMPTION') and x.booked_on >= cast(date_trunc('month', current_date) as date))
       on conflict (tenant_id, module_key, fact, day, place_code, dimension) do update set value = daily_fact.value + excluded.value),
ev as (insert into domain_event (aggregate_id, aggregate_type, occurred_at, payload, tenant_id, type, id)
       select ids.r, 'points-redemption', now(), '{"redemptionId":"' || ids.r || '","accountId":"' || :t_account_id
              || '","villageCode":"' || a.village_code || '","points":1,"quantity":1}', '419001', 'points.redemption-made',
              gen_random_uuid() from ids, a, r returning id)
insert into idempotency_record (tenant_id, scope, idem_key, request_hash, status, created_at, response)
select '419001', 'points.redemption', 'pgm-' || :client_id || '-' || :k, encode(sha256(('x' || :k)::bytea), 'hex'), 201,
       now(), '{"id":"' || ids.r || '","balanceAfter":' || a.balance || '}' from ids, a, ev;
select pg_advisory_xact_lock(1096, 419001 * 32 + cast(txid_current() % 32 as integer));
insert into audit_record (action, actor, detail, hash, occurred_at, prev_hash, request_id, seq, shard, target_id,
                          target_type, tenant_id, id)
select 'points.redemption-made', 'jiyuan-clerk', '{"points":1}', encode(sha256((coalesce(p.hash, '0') || :k)::bytea), 'hex'),
       now(), coalesce(p.hash, repeat('0', 64)), null, nextval('audit_record_seq'), cast(txid_current() % 32 as smallint), 'pgm-' || :k,
       'points-redemption', '419001', gen_random_uuid()
  from (select 1) one left join lateral (select hash from audit_record where tenant_id = '419001' and shard = cast(txid_current() % 32 as smallint)
                                          order by seq desc limit 1) p on true;
COMMIT;
