-- Monthly rollups of the daily facts, kept by a trigger in the same transaction as the fact, so a
-- province-wide chart reads counties x months rows, never a county's records or every village-day.
-- For each fact recorded at a place and dimension, four rows move together: the place and the
-- dimension as recorded, the place over all dimensions ('*'), the county over all places ('*') in
-- the dimension, and the county over all places and dimensions. A FLOW row holds the month's sum;
-- a LEVEL row the value at the end of the month (its latest state, carried from the month before).
alter table daily_fact add column kind varchar(5) not null default 'FLOW' check (kind in ('FLOW', 'LEVEL'));
alter table daily_fact add check (place_code <> '*' and dimension <> '*');
-- The previous state of a LEVEL fact at a place.
create index daily_fact_stream_idx on daily_fact (tenant_id, module_key, fact, place_code, dimension, day);

create table fact_month (
    tenant_id  varchar(6)     not null references county (code),
    module_key varchar(40)    not null,
    place_code varchar(12)    not null,
    fact       varchar(60)    not null,
    dimension  varchar(60)    not null,
    month      date           not null,
    value      numeric(20, 3) not null,
    primary key (tenant_id, module_key, place_code, fact, dimension, month)
);
select wangwu_isolate_by_county('fact_month', 'select, insert, update');

create function wangwu_roll_up_fact() returns trigger language plpgsql as $$
declare
    previous numeric(20, 3);
    delta    numeric(20, 3);
    in_month date := date_trunc('month', new.day)::date;
    places   varchar(12)[] := array[new.place_code, '*', new.place_code, '*'];
    dims     varchar(60)[] := array[new.dimension, new.dimension, '*', '*'];
begin
    if tg_op = 'UPDATE' then
        previous := old.value;
    elsif new.kind = 'LEVEL' then
        select value into previous from daily_fact
         where tenant_id = new.tenant_id and module_key = new.module_key and fact = new.fact
           and place_code = new.place_code and dimension = new.dimension and day < new.day
         order by day desc limit 1;
    end if;
    delta := new.value - coalesce(previous, 0);
    for i in 1..4 loop
        insert into fact_month as f (tenant_id, module_key, place_code, fact, dimension, month, value)
        values (new.tenant_id, new.module_key, places[i], new.fact, dims[i], in_month, delta + case when new.kind = 'FLOW'
                    then 0 else coalesce((select p.value from fact_month p
                    where p.tenant_id = new.tenant_id and p.module_key = new.module_key and p.place_code = places[i]
                      and p.fact = new.fact and p.dimension = dims[i] and p.month < in_month
                    order by p.month desc limit 1), 0) end)
        on conflict (tenant_id, module_key, place_code, fact, dimension, month)
        do update set value = f.value + delta;
    end loop;
    return null;
end;
$$;
create trigger daily_fact_roll_up after insert or update on daily_fact
    for each row execute function wangwu_roll_up_fact();

-- Province reads (aggregates only): a unit of work of a province sets app.province and no county;
-- it may then read the rollups and the module switches of that province's counties, and nothing
-- else of theirs: no other table has such a policy, and these are select-only.
create policy province_aggregates on fact_month for select
    using (current_setting('app.province', true) <> '' and left(tenant_id, 2) = current_setting('app.province', true));
create policy province_aggregates on county_module for select
    using (current_setting('app.province', true) <> '' and left(tenant_id, 2) = current_setting('app.province', true));
-- The province overview reads every county's totals ('*') of a module for a range of months.
create index fact_month_county_totals_idx on fact_month (module_key, month, tenant_id, fact, dimension)
    include (value) where place_code = '*';
