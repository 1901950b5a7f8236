-- Third-party apps a county registered: the platform's record of each Keycloak client it created for
-- the county, which the county gate checks on every call (a revoked app is refused at once).
create table app_registration (
    tenant_id           varchar(6)    not null references county (code),
    id                  uuid          not null,
    client_id           varchar(100)  not null,
    keycloak_id         varchar(64)   not null,
    name                varchar(200)  not null,
    contact_email       varchar(200)  not null,
    modules             varchar(1000) not null,
    requests_per_minute integer       not null check (requests_per_minute between 1 and 100000),
    status              varchar(16)   not null check (status in ('ACTIVE', 'REVOKED')),
    created_by          varchar(200)  not null,
    created_at          timestamptz   not null,
    secret_rotated_at   timestamptz,
    revoked_at          timestamptz,
    version             bigint        not null default 0,
    primary key (tenant_id, id),
    unique (tenant_id, client_id)
);

-- Each app's current rate window, shared by every replica: one row per app, counted in the database.
create table app_request_window (
    tenant_id    varchar(6)   not null,
    client_id    varchar(100) not null,
    window_start timestamptz  not null,
    requests     integer      not null,
    primary key (tenant_id, client_id)
);

select wangwu_isolate_by_county('app_registration', 'select, insert, update');
select wangwu_isolate_by_county('app_request_window', 'select, insert, update');
