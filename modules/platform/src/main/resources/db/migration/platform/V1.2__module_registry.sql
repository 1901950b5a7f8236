-- Which functional modules a county has switched on, with its settings and their history.
create table county_module (
    tenant_id        varchar(6)   not null references county (code),
    module_key       varchar(40)  not null,
    enabled          boolean      not null,
    settings         text         not null,
    settings_revision integer     not null,
    updated_at       timestamptz  not null,
    updated_by       varchar(200) not null,
    version          bigint       not null default 0,
    primary key (tenant_id, module_key)
);

create table county_module_settings_revision (
    tenant_id   varchar(6)   not null,
    id          uuid         not null,
    module_key  varchar(40)  not null,
    revision    integer      not null,
    settings    text         not null,
    changed_by  varchar(200) not null,
    changed_at  timestamptz  not null,
    request_id  varchar(100),
    primary key (tenant_id, module_key, revision),
    unique (tenant_id, id),
    foreign key (tenant_id, module_key) references county_module (tenant_id, module_key)
);

select wangwu_isolate_by_county('county_module', 'select, insert, update');
select wangwu_isolate_by_county('county_module_settings_revision', 'select, insert');
