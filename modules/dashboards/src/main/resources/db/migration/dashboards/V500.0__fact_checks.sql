-- Runs of the facts check (a county's recorded daily facts against each module's recount of them)
-- and the differences each run found.
create table dashboards_fact_check (
    tenant_id      varchar(6)   not null references county (code),
    id             uuid         not null,
    checked_at     timestamptz  not null,
    checked_by     varchar(200) not null,
    facts_compared integer      not null,
    differences    integer      not null,
    primary key (tenant_id, id)
);
create index dashboards_fact_check_latest_idx on dashboards_fact_check (tenant_id, checked_at desc);

create table dashboards_fact_difference (
    tenant_id  varchar(6)     not null,
    check_id   uuid           not null,
    module_key varchar(40)    not null,
    fact       varchar(60)    not null,
    day        date           not null,
    place_code varchar(12)    not null,
    dimension  varchar(60)    not null,
    recorded   numeric(20, 3) not null,
    recounted  numeric(20, 3) not null,
    primary key (tenant_id, check_id, module_key, fact, day, place_code, dimension),
    foreign key (tenant_id, check_id) references dashboards_fact_check (tenant_id, id)
);
select wangwu_isolate_by_county('dashboards_fact_check', 'select, insert');
select wangwu_isolate_by_county('dashboards_fact_difference', 'select, insert');
