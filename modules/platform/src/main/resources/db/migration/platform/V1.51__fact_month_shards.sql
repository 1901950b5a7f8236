-- The county-over-all-places rows of the monthly rollups are split into 8 shards, chosen by the place
-- the fact was recorded at: every ledger write used to update the same county row of its fact and
-- month, so a county's writes queued on it one after another (a hot row). A place's facts always go
-- to one shard, so writes at different places seldom meet, and writes at one place already meet on
-- the place's own rows. The place rows keep shard 0. Readers sum a county's shards (a LEVEL fact per
-- shard, each carried from its own month before: the shards' levels add up to the county's).
alter table fact_month add column shard smallint not null default 0 check (shard between 0 and 7);
alter table fact_month drop constraint fact_month_pkey;
alter table fact_month add primary key (tenant_id, module_key, place_code, fact, dimension, month, shard);

drop index fact_month_county_totals_idx;
create index fact_month_county_totals_idx on fact_month (module_key, month, tenant_id, fact, dimension)
    include (shard, value) where place_code = '*';

-- The shard of the county rows for a place: stable for the place, spread over 0..7.
create function wangwu_fact_shard(place varchar) returns smallint language sql immutable parallel safe as $$
    select cast(abs(hashtext(place) % 8) as smallint)
$$;

create or replace function wangwu_roll_up_fact() returns trigger language plpgsql as $$
declare
    previous numeric(20, 3);
    delta    numeric(20, 3);
    in_month date := date_trunc('month', new.day)::date;
    county   smallint := wangwu_fact_shard(new.place_code);
    places   varchar(12)[] := array[new.place_code, '*', new.place_code, '*'];
    dims     varchar(60)[] := array[new.dimension, new.dimension, '*', '*'];
    shards   smallint[] := array[0, county, 0, county];
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
    if delta = 0 and tg_op = 'UPDATE' then
        return null;
    end if;
    for i in 1..4 loop
        insert into fact_month as f (tenant_id, module_key, place_code, fact, dimension, month, shard, value)
        values (new.tenant_id, new.module_key, places[i], new.fact, dims[i], in_month, shards[i], delta + case when new.kind = 'FLOW'
                    then 0 else coalesce((select p.value from fact_month p
                    where p.tenant_id = new.tenant_id and p.module_key = new.module_key and p.place_code = places[i]
                      and p.fact = new.fact and p.dimension = dims[i] and p.shard = shards[i] and p.month < in_month
                    order by p.month desc limit 1), 0) end)
        on conflict (tenant_id, module_key, place_code, fact, dimension, month, shard)
        do update set value = f.value + delta;
    end loop;
    return null;
end;
$$;
