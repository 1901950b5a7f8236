-- Daily facts: what each module records per county, day, place and dimension, in the same
-- transaction as the change that causes it. Dashboards read these, never a module's own tables.
-- place_code is a village (12 digits) or township (9 digits) code, or '' for the county as a whole;
-- dimension is a category, level or step the module names, or '' for none.
create table daily_fact (
    tenant_id  varchar(6)     not null references county (code),
    module_key varchar(40)    not null,
    fact       varchar(60)    not null,
    day        date           not null,
    place_code varchar(12)    not null default '',
    dimension  varchar(60)    not null default '',
    value      numeric(20, 3) not null,
    primary key (tenant_id, module_key, fact, day, place_code, dimension)
);
select wangwu_isolate_by_county('daily_fact', 'select, insert, update');
