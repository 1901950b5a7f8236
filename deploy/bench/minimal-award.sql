-- pgbench, hand-written minimal transaction with an award posting's effects (rule without review):
-- the award (posted), balance update, ledger entry, lot, event, idempotency record with its response,
-- the day's facts (points issued by category; the account active, on its first award or redemption of the
-- month), and the two audit records the API writes (requested, posted) chained into one audit shard.
\set n random(1, :ntargets)
\set k random(1, 4000000000000)
select household_id from bench_target where n = :n \gset t_
BEGIN;
select set_config('app.tenant_id', '419001', true);
with ids as (select gen_random_uuid() as w, gen_random_uuid() as e),
a as (update points_account set balance = balance + 10, last_seq = last_seq + 1, version = version + 1
       where tenant_id = '419001' and holder_type = 'HOUSEHOLD' and holder_id = :t_household_id
       returning id, balance, last_seq, village_code, holder_name),
w as (insert into points_award (account_id, category, description, entry_id, evidence_required, holder_name, occurred_on,
        period_key, points, posted_at, requested_at, requested_by, rule_code, rule_item, source, status, tenant_id,
        version, village_code, id)
       select a.id, 'VOLUNTEER_SERVICE', 'bench', ids.e, false, a.holder_name, current_date, to_char(current_date, 'YYYY-MM'),
              10, now(), now(), 'jiyuan-admin', 'BENCH-DIRECT', '压测 bench deed', 'RECORDED', 'POSTED', '419001', 1,
              a.village_code, ids.w from a, ids returning id),
e as (insert into points_ledger_entry (account_id, award_id, balance_after, booked_on, kind, memo, occurred_at, points,
        recorded_by, redemption_id, reverses_entry_id, seq, tenant_id, id)
       select a.id, ids.w, a.balance, current_date, 'AWARD', 'BENCH-DIRECT', now(), 10, 'jiyuan-admin', null, null,
              a.last_seq, '419001', ids.e from a, ids, w returning id),
l as (insert into points_lot (account_id, earned_at, entry_id, expired, expires_on, points, remaining, tenant_id, version, id)
       select a.id, now(), ids.e, 0, null, 10, 10, '419001', 0, gen_random_uuid() from a, ids, e returning id),
f as (insert into daily_fact (tenant_id, module_key, fact, day, place_code, dimension, value, kind)
       select '419001', 'points', 'points-issued', current_date, a.village_code, 'VOLUNTEER_SERVICE', 10, 'FLOW' from a, e
       union all
       select '419001', 'points', 'accounts-active', current_date, a.village_code, '', 1, 'FLOW' from a, e
        where not exists (select 1 from points_ledger_entry x where x.tenant_id = '419001' and x.account_id = a.id
                            and x.kind in ('AWARD', 'REDEMPTION') and x.booked_on >= cast(date_trunc('month', current_date) as date))
       on conflict (tenant_id, module_key, fact, day, place_code, dimension) do update set value = daily_fact.value + excluded.value),
ev as (insert into domain_event (aggregate_id, aggregate_type, occurred_at, payload, tenant_id, type, id)
       select ids.w, 'points-award', now(), '{"awardId":"' || ids.w || '","accountId":"' || a.id || '","villageCode":"'
              || a.village_code || '","points":10}', '419001', 'points.award-posted', gen_random_uuid()
         from ids, a, l returning id)
insert into idempotency_record (tenant_id, scope, idem_key, request_hash, status, created_at, response)
select '419001', 'points.award', 'pgm-' || :client_id || '-' || :k, encode(sha256(('x' || :k)::bytea), 'hex'), 201, now(),
       '{"id":"' || ids.w || '","status":"POSTED"}' from ids, ev;
select pg_advisory_xact_lock(1096, 419001 * 32 + cast(txid_current() % 32 as integer));
with p as (select coalesce((select hash from audit_record where tenant_id = '419001' and shard = cast(txid_current() % 32 as smallint)
                            order by seq desc limit 1), repeat('0', 64)) as hash),
r1 as (select p.hash as prev, encode(sha256((p.hash || :k || 'r')::bytea), 'hex') as hash from p)
insert into audit_record (action, actor, detail, hash, occurred_at, prev_hash, request_id, seq, shard, target_id,
                          target_type, tenant_id, id)
select 'points.award-requested', 'jiyuan-admin', '{"points":10}', r1.hash, now(), r1.prev, null,
       nextval('audit_record_seq'), cast(txid_current() % 32 as smallint), 'pgm-' || :k, 'points-award', '419001', gen_random_uuid() from r1
union all
select 'points.award-posted', 'jiyuan-admin', '{"points":10}', encode(sha256((r1.hash || 'p')::bytea), 'hex'), now(),
       r1.hash, null, nextval('audit_record_seq'), cast(txid_current() % 32 as smallint), 'pgm-' || :k, 'points-award', '419001', gen_random_uuid() from r1;
COMMIT;
