-- Audit trail: one hash chain per county. The application may only append and read.
create table audit_record (
    tenant_id   varchar(6)   not null references county (code),
    seq         bigint       not null,
    id          uuid         not null,
    occurred_at timestamptz  not null,
    actor       varchar(200) not null,
    action      varchar(80)  not null,
    target_type varchar(60)  not null,
    target_id   varchar(100),
    request_id  varchar(100),
    detail      text,
    prev_hash   varchar(64)  not null,
    hash        varchar(64)  not null,
    primary key (tenant_id, seq),
    unique (tenant_id, id)
);
create index audit_record_action_idx on audit_record (tenant_id, action, seq);
create index audit_record_actor_idx on audit_record (tenant_id, actor, seq);
create index audit_record_target_idx on audit_record (tenant_id, target_type, target_id, seq);
create index audit_record_time_idx on audit_record (tenant_id, occurred_at);

select wangwu_isolate_by_county('audit_record', 'select, insert');
