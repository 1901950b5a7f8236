-- Province-scale facts for the dashboards benchmark, run as superuser postgres (bypasses RLS).
-- Variables (psql -v): first, last (bench counties 41NNNN, NNNN = 2000 + first..last), days (how
-- many days back from today). Needs the table bench_fact (module, fact, kind, dimension) of every
-- fact the build's modules declare. Each county-day gets one FLOW value per fact and dimension at one
-- of the county's 10 townships; each LEVEL fact a value on the first of every month at every township.
-- The daily rows go in with the rollup trigger off and the monthly rollups are built set-based, as
-- the trigger would have kept them. Rerunning a range is a no-op.
\set ON_ERROR_STOP on
set synchronous_commit = off;
set work_mem = '256MB';
set maintenance_work_mem = '256MB';
begin;
create temp table bench_county as
select '41' || (2000 + i) as code, i from generate_series(:first, :last) i
where not exists (select 1 from county where code = '41' || (2000 + i));

insert into county (code, province_code, name_zh, name_en, status, onboarded_at, updated_at)
select code, '41', '压测县' || i, 'Bench county ' || i, 'ACTIVE', now(), now() from bench_county;

insert into county_module (tenant_id, module_key, enabled, settings, settings_revision, updated_at, updated_by)
select c.code, m.module, true, '{}', 0, now(), 'bench' from bench_county c, (select distinct module from bench_fact) m;

set local session_replication_role = replica;
insert into daily_fact (tenant_id, module_key, fact, day, place_code, dimension, value, kind)
select c.code, f.module, f.fact, d::date, c.code || (100 + ((c.i * 7 + extract(doy from d)::int) % 10)), f.dimension,
       (random() * 20)::int, 'FLOW'
from bench_county c, bench_fact f, generate_series(current_date - :days, current_date, interval '1 day') d
where f.kind = 'FLOW';

insert into daily_fact (tenant_id, module_key, fact, day, place_code, dimension, value, kind)
select c.code, f.module, f.fact, m::date, c.code || (100 + t), f.dimension, 50 + (random() * 200)::int, 'LEVEL'
from bench_county c, bench_fact f, generate_series(0, 9) t,
     generate_series(date_trunc('month', current_date - :days), current_date, interval '1 month') m
where f.kind = 'LEVEL';

insert into fact_month (tenant_id, module_key, place_code, fact, dimension, month, value)
select tenant_id, module_key, coalesce(place, '*'), fact, coalesce(dim, '*'), month, sum(value)
from (select tenant_id, module_key, place_code as place, fact, dimension as dim,
             date_trunc('month', day)::date as month, value
      from daily_fact where tenant_id in (select code from bench_county)) x
group by grouping sets ((tenant_id, module_key, fact, month, place, dim), (tenant_id, module_key, fact, month, place),
                        (tenant_id, module_key, fact, month, dim), (tenant_id, module_key, fact, month));
commit;
analyze daily_fact;
analyze fact_month;
vacuum fact_month;
select (select count(*) from county where province_code = '41') as counties_41,
       (select count(*) from daily_fact) as daily_facts, (select count(*) from fact_month) as monthly_rollups;
