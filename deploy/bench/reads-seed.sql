-- Seed for the points benchmark's deep-paging reads, as superuser postgres (bypasses RLS), in Jiyuan
-- beside seed.sql's million ledger entries: one account with 20,100 entries (and one lot holding its
-- balance, so the books still balance), 100,000 award records waiting for review on the bench accounts,
-- 100,000 dispute cases. Rerunning is a no-op.
\set ON_ERROR_STOP on
set synchronous_commit = off;
begin;
select count(*) > 0 as already from points_account where tenant_id = '419001' and holder_name = 'BENCH-READS' \gset
\if :already
  \echo 'reads seed: already present, skipping'
\else
with v as (select code from village where tenant_id = '419001' and code like '4190019%' order by code limit 1),
a as (insert into points_account (tenant_id, id, holder_type, holder_id, household_id, village_code, holder_name,
                                  balance, last_seq, created_at, version)
      select '419001', gen_random_uuid(), 'RESIDENT', gen_random_uuid(), gen_random_uuid(), v.code, 'BENCH-READS',
             20100, 20100, now() - interval '400 days', 0 from v returning id)
insert into points_ledger_entry (tenant_id, id, account_id, seq, kind, points, balance_after, memo, occurred_at,
                                 booked_on, recorded_by)
select '419001', gen_random_uuid(), a.id, s, 'AWARD', 1, s, 'BENCH-READS', now() - (20101 - s) * interval '20 minutes',
       ((now() - (20101 - s) * interval '20 minutes') at time zone 'Asia/Shanghai')::date, 'bench-reads'
from a, generate_series(1, 20100) s;
insert into points_lot (tenant_id, id, account_id, entry_id, points, remaining, expired, earned_at, expires_on, version)
select e.tenant_id, gen_random_uuid(), e.account_id, e.id, 20100, 20100, 0, e.occurred_at, null, 0
from points_ledger_entry e join points_account a on a.tenant_id = e.tenant_id and a.id = e.account_id
where e.tenant_id = '419001' and a.holder_name = 'BENCH-READS' and e.seq = 20100;

insert into points_award (tenant_id, id, account_id, village_code, holder_name, rule_code, rule_item, category, points,
                          evidence_required, status, source, description, occurred_on, period_key, requested_by,
                          requested_at, version)
with t as (select id, village_code, holder_name, row_number() over (order by id) as n from points_account
           where tenant_id = '419001' and village_code like '4190019%' and holder_name <> 'BENCH-READS' limit 1000)
select '419001', gen_random_uuid(), t.id, t.village_code, t.holder_name, 'BENCH-DIRECT', '压测 bench deed',
       'VOLUNTEER_SERVICE', 10, false, 'PENDING_REVIEW', 'RECORDED', 'bench reads', current_date - 1,
       to_char(current_date - 1, 'YYYY-MM'), 'bench-reads', now() - interval '1 day' - i * interval '5 minutes', 0
from generate_series(1, 100000) i join t on t.n = 1 + i % (select count(*) from t);

insert into dispute_case (tenant_id, id, number, channel, village_code, township_code, title, facts, state,
                          received_at, reported_by)
with v as (select code, row_number() over (order by code) as n from village
           where tenant_id = '419001' and code like '4190019%')
select '419001', gen_random_uuid(), 'BENCH-' || i, 'WALK_IN', v.code, substr(v.code, 1, 9), '压测纠纷 ' || i,
       'bench reads', 'RECEIVED', now() - i * interval '5 minutes', 'bench-reads'
from generate_series(1, 100000) i join v on v.n = 1 + i % (select count(*) from v);
\endif
commit;
analyze points_account; analyze points_ledger_entry; analyze points_lot; analyze points_award; analyze dispute_case;
select id as reads_account from points_account where tenant_id = '419001' and holder_name = 'BENCH-READS';
