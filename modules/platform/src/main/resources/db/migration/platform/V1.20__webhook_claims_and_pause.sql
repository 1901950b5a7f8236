-- Webhooks on many nodes: a node claims a delivery with a lease before sending it, so that no other
-- node sends it too; a subscription can be paused (deliveries wait) or deleted (they are cancelled);
-- the history keeps a generic failure reason, never a receiver's or the network's raw error text.
alter table webhook_subscription add column status varchar(16) not null default 'ACTIVE'
    check (status in ('ACTIVE', 'PAUSED', 'DELETED'));
update webhook_subscription set status = 'DELETED' where not active;
alter table webhook_subscription alter column status drop default;
alter table webhook_subscription drop column active;

alter table webhook_delivery add column claimed_by varchar(100);
alter table webhook_delivery add column lease_until timestamptz;
alter table webhook_delivery drop constraint webhook_delivery_status_check;
alter table webhook_delivery add constraint webhook_delivery_status_check
    check (status in ('PENDING', 'DELIVERED', 'FAILED', 'CANCELLED'));
alter table webhook_delivery rename column last_error to last_failure;
update webhook_delivery set last_failure = case when last_failure is null then null else 'CONNECTION_FAILED' end;
alter table webhook_delivery alter column last_failure type varchar(32);
alter table webhook_delivery add constraint webhook_delivery_last_failure_check
    check (last_failure in ('CONNECTION_REFUSED', 'TIMED_OUT', 'HOST_NOT_FOUND', 'ADDRESS_NOT_ALLOWED',
                            'TLS_FAILED', 'CONNECTION_FAILED', 'REDIRECT_NOT_FOLLOWED', 'ERROR_STATUS'));

-- The claim reads a subscription's oldest due deliveries; the index serves it per subscription.
drop index webhook_delivery_due_idx;
create index webhook_delivery_due_idx on webhook_delivery (tenant_id, subscription_id, status, next_attempt_at);
update webhook_delivery d set status = 'CANCELLED' from webhook_subscription s
 where s.tenant_id = d.tenant_id and s.id = d.subscription_id and s.status = 'DELETED' and d.status = 'PENDING';
-- A subscription's history, newest first, paged by (created_at, id).
create index webhook_delivery_history_idx on webhook_delivery (tenant_id, subscription_id, created_at desc, id desc);
