-- Webhooks: a county's subscriptions to its domain events, and each signed delivery attempt's fate.
create table webhook_subscription (
    tenant_id     varchar(6)    not null references county (code),
    id            uuid          not null,
    url           varchar(500)  not null,
    event_types   varchar(2000) not null,
    secret_cipher text          not null,
    active        boolean       not null,
    created_by    varchar(200)  not null,
    created_at    timestamptz   not null,
    version       bigint        not null default 0,
    primary key (tenant_id, id)
);

create table webhook_delivery (
    tenant_id        varchar(6)   not null,
    id               uuid         not null,
    subscription_id  uuid         not null,
    event_id         uuid         not null,
    event_type       varchar(80)  not null,
    status           varchar(16)  not null check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         integer      not null,
    last_status_code integer,
    last_error       varchar(1000),
    next_attempt_at  timestamptz  not null,
    delivered_at     timestamptz,
    created_at       timestamptz  not null,
    primary key (tenant_id, id),
    unique (tenant_id, subscription_id, event_id),
    foreign key (tenant_id, subscription_id) references webhook_subscription (tenant_id, id),
    foreign key (tenant_id, event_id) references domain_event (tenant_id, id)
);
create index webhook_delivery_due_idx on webhook_delivery (tenant_id, status, next_attempt_at);

select wangwu_isolate_by_county('webhook_subscription', 'select, insert, update');
select wangwu_isolate_by_county('webhook_delivery', 'select, insert, update');
