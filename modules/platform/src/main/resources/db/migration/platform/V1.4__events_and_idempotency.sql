-- Transactional outbox of domain events, their deliveries to consumers, idempotent requests, attachments.
create table domain_event (
    tenant_id      varchar(6)   not null references county (code),
    id             uuid         not null,
    type           varchar(80)  not null,
    aggregate_type varchar(60)  not null,
    aggregate_id   varchar(100) not null,
    payload        text         not null,
    occurred_at    timestamptz  not null,
    primary key (tenant_id, id)
);
create index domain_event_time_idx on domain_event (tenant_id, occurred_at, id);
create index domain_event_type_idx on domain_event (tenant_id, type, occurred_at);

create table domain_event_delivery (
    tenant_id  varchar(6)   not null,
    id         uuid         not null,
    event_id   uuid         not null,
    consumer   varchar(80)  not null,
    status     varchar(16)  not null check (status in ('DELIVERED', 'SKIPPED', 'FAILED')),
    attempts   integer      not null,
    last_error varchar(1000),
    updated_at timestamptz  not null,
    primary key (tenant_id, id),
    unique (tenant_id, event_id, consumer),
    foreign key (tenant_id, event_id) references domain_event (tenant_id, id)
);

select wangwu_isolate_by_county('domain_event', 'select, insert');
select wangwu_isolate_by_county('domain_event_delivery', 'select, insert, update');

-- Idempotency-Key records (Stripe's semantics): the first successful result of a key is replayed
-- for the same request, and the key is refused for a different one.
create table idempotency_record (
    tenant_id    varchar(6)   not null references county (code),
    scope        varchar(80)  not null,
    idem_key     varchar(255) not null,
    request_hash varchar(64)  not null,
    status       integer      not null,
    response     text,
    created_at   timestamptz  not null,
    primary key (tenant_id, scope, idem_key)
);
select wangwu_isolate_by_county('idempotency_record', 'select, insert, update');

-- Files attached as evidence (photos, scanned documents), kept with the county's data.
create table attachment (
    tenant_id    varchar(6)   not null references county (code),
    id           uuid         not null,
    module_key   varchar(40)  not null,
    owner_type   varchar(60)  not null,
    owner_id     varchar(100) not null,
    file_name    varchar(255) not null,
    content_type varchar(100) not null,
    size_bytes   bigint       not null,
    sha256       varchar(64)  not null,
    content      bytea        not null,
    uploaded_by  varchar(200) not null,
    uploaded_at  timestamptz  not null,
    primary key (tenant_id, id)
);
create index attachment_owner_idx on attachment (tenant_id, module_key, owner_type, owner_id);
select wangwu_isolate_by_county('attachment', 'select, insert');
