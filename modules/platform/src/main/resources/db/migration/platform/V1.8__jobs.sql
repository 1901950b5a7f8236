-- Module jobs run per county by the platform's job runner. A job's next slot and its lease live in
-- job_schedule, so that however many nodes tick, one claims a county's slot (a conditional update);
-- a lease that runs out (a node died mid-run) lets another node take the slot over.
create table job_schedule (
    tenant_id   varchar(6)   not null references county (code),
    module_key  varchar(40)  not null,
    job_key     varchar(40)  not null,
    next_run_at timestamptz  not null,
    lease_until timestamptz,
    lease_owner varchar(160),
    primary key (tenant_id, module_key, job_key)
);
select wangwu_isolate_by_county('job_schedule', 'select, insert, update');

-- Every run, scheduled or by hand: when, where, what it did, how it ended. The error text is for
-- operators; the county sees it only when it is a rule's own message.
create table job_run (
    tenant_id   varchar(6)    not null references county (code),
    id          uuid          not null,
    module_key  varchar(40)   not null,
    job_key     varchar(40)   not null,
    trigger     varchar(10)   not null check (trigger in ('SCHEDULE', 'MANUAL')),
    node        varchar(100)  not null,
    started_by  varchar(200)  not null,
    started_at  timestamptz   not null,
    finished_at timestamptz   not null,
    outcome     varchar(10)   not null check (outcome in ('SUCCEEDED', 'FAILED')),
    processed   integer       not null,
    error       varchar(2000),
    public_error varchar(1000),
    slot        timestamptz,
    primary key (tenant_id, id)
);
create index job_run_recent_idx on job_run (tenant_id, module_key, job_key, started_at desc);
select wangwu_isolate_by_county('job_run', 'select, insert');
