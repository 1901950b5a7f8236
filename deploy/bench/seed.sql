-- County-scale seed for the points benchmark, run as superuser postgres (bypasses RLS).
-- Variables (psql -v): ntown, vpt (villages per township), hpv (households per village),
-- epa (ledger entries per account), pts (points per seeded award entry).
-- Everything lives under bench townships 4190019NN of Jiyuan (419001); rerunning is a no-op.
\set ON_ERROR_STOP on
set synchronous_commit = off;
set maintenance_work_mem = '256MB';
set work_mem = '64MB';
begin;
select count(*) > 0 as already from township where tenant_id = '419001' and code like '4190019%' \gset
\if :already
  \echo 'seed: bench townships already present, skipping'
\else
insert into township (tenant_id, id, code, name_zh, name_en, created_at)
select '419001', gen_random_uuid(), '4190019' || lpad(t::text, 2, '0'), '压测镇' || t, 'Bench township ' || t, now()
from generate_series(1, :ntown) t;

insert into village (tenant_id, id, township_id, code, name_zh, name_en, kind, created_at)
select '419001', gen_random_uuid(), t.id, t.code || lpad(v::text, 3, '0'), '压测村' || t.code || '-' || v,
       'Bench village ' || v, 'VILLAGE', now()
from township t, generate_series(1, :vpt) v
where t.tenant_id = '419001' and t.code like '4190019%';

insert into household (tenant_id, id, village_id, number, address, created_at)
select '419001', gen_random_uuid(), v.id, 'B' || lpad(h::text, 5, '0'), v.name_zh || h || '号', now()
from village v, generate_series(1, :hpv) h
where v.tenant_id = '419001' and v.code like '4190019%';

insert into points_account (tenant_id, id, holder_type, holder_id, household_id, village_code, holder_name,
                            balance, last_seq, created_at, version)
select '419001', gen_random_uuid(), 'HOUSEHOLD', h.id, h.id, v.code, h.number || '户', :epa * :pts, :epa,
       now() - interval '400 days', 0
from household h join village v on v.tenant_id = h.tenant_id and v.id = h.village_id
where v.tenant_id = '419001' and v.code like '4190019%';

-- :epa awards of :pts points per account, one a month back from now, each with its (untouched) lot.
insert into points_ledger_entry (tenant_id, id, account_id, seq, kind, points, balance_after, memo,
                                 occurred_at, booked_on, recorded_by)
select a.tenant_id, gen_random_uuid(), a.id, s, 'AWARD', :pts, s * :pts, 'BENCH-SEED 压测种子',
       now() - (:epa - s + 1) * interval '30 days',
       ((now() - (:epa - s + 1) * interval '30 days') at time zone 'Asia/Shanghai')::date, 'bench-seed'
from points_account a, generate_series(1, :epa) s
where a.tenant_id = '419001' and a.village_code like '4190019%';

insert into points_lot (tenant_id, id, account_id, entry_id, points, remaining, expired, earned_at, expires_on, version)
select e.tenant_id, gen_random_uuid(), e.account_id, e.id, e.points, e.points, 0, e.occurred_at, null, 0
from points_ledger_entry e
where e.tenant_id = '419001' and e.recorded_by = 'bench-seed';
\endif
commit;
analyze township; analyze village; analyze household; analyze points_account; analyze points_ledger_entry;
analyze points_lot;
select (select count(*) from village where code like '4190019%') as villages,
       (select count(*) from household h join village v on v.id = h.village_id and v.tenant_id = h.tenant_id
         where v.code like '4190019%') as households,
       (select count(*) from points_account where village_code like '4190019%') as accounts,
       (select count(*) from points_ledger_entry) as ledger_entries_total,
       (select count(*) from points_lot) as lots_total;
