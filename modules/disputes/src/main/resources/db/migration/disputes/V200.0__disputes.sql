-- Diversified dispute resolution (矛盾纠纷多元化解): cases, their parties, mediators, sessions and history.

create table dispute_case (
    tenant_id              varchar(6)    not null references county (code),
    id                     uuid          not null,
    number                 varchar(40)   not null,
    channel                varchar(16)   not null,
    referral_body          varchar(20),
    referral_name          varchar(200),
    referral_reference     varchar(100),
    village_code           varchar(12)   not null,
    township_code          varchar(9)    not null,
    title                  varchar(200)  not null,
    facts                  varchar(5000) not null,
    category               varchar(40),
    risk                   varchar(40),
    level                  varchar(10),
    state                  varchar(40)   not null,
    deadline               date,
    overdue                boolean       not null default false,
    ever_overdue           boolean       not null default false,
    escalations            integer       not null default 0,
    received_at            timestamptz   not null,
    reported_by            varchar(255)  not null,
    resolved_at            timestamptz,
    resolved_level         varchar(10),
    agreement_terms        varchar(5000),
    agreement_text         text,
    agreement_effective_on date,
    judicial_deadline      date,
    judicial_reminded      boolean       not null default false,
    judicial_court         varchar(200),
    judicial_applied_on    date,
    judicial_decided_on    date,
    referred_to            varchar(20),
    referred_body          varchar(200),
    referred_reason        varchar(2000),
    follow_up_due_on       date,
    followed_up_on         date,
    agreement_honoured     boolean,
    satisfaction           integer,
    closed_at              timestamptz,
    version                bigint        not null default 0,
    primary key (tenant_id, id),
    unique (tenant_id, number)
);
create index dispute_case_received_idx on dispute_case (tenant_id, received_at desc, id desc);
create index dispute_case_state_idx on dispute_case (tenant_id, state, deadline);
create index dispute_case_place_idx on dispute_case (tenant_id, village_code);
select wangwu_isolate_by_county('dispute_case');

-- A party: a resident of the county's register or an outside person. ID number and phone are kept
-- encrypted with a keyed digest; only the masked forms are in the clear.
create table dispute_party (
    tenant_id         varchar(6)   not null,
    id                uuid         not null,
    case_id           uuid         not null,
    role              varchar(16)  not null,
    resident_id       uuid,
    name              varchar(100) not null,
    id_number_cipher  varchar(200),
    id_number_digest  varchar(64),
    id_number_masked  varchar(18),
    phone_cipher      varchar(200),
    phone_masked      varchar(11),
    address           varchar(300),
    primary key (tenant_id, id),
    foreign key (tenant_id, case_id) references dispute_case (tenant_id, id)
);
create index dispute_party_case_idx on dispute_party (tenant_id, case_id);
select wangwu_isolate_by_county('dispute_party');

-- Mediators by Keycloak username, at the level and place they were assigned for.
create table dispute_assignment (
    tenant_id          varchar(6)   not null,
    id                 uuid         not null,
    case_id            uuid         not null,
    mediator_username  varchar(255) not null,
    level              varchar(10)  not null,
    place_code         varchar(12)  not null,
    assigned_by        varchar(255) not null,
    assigned_at        timestamptz  not null,
    active             boolean      not null,
    ended_at           timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, case_id) references dispute_case (tenant_id, id)
);
create index dispute_assignment_case_idx on dispute_assignment (tenant_id, case_id);
create index dispute_assignment_mediator_idx on dispute_assignment (tenant_id, mediator_username, active);
select wangwu_isolate_by_county('dispute_assignment');

create table dispute_session (
    tenant_id     varchar(6)    not null,
    id            uuid          not null,
    case_id       uuid          not null,
    level         varchar(10)   not null,
    scheduled_at  timestamptz   not null,
    place         varchar(200)  not null,
    participants  text          not null,
    held_at       timestamptz,
    minutes       varchar(10000),
    created_by    varchar(255)  not null,
    recorded_by   varchar(255),
    version       bigint        not null default 0,
    primary key (tenant_id, id),
    foreign key (tenant_id, case_id) references dispute_case (tenant_id, id)
);
create index dispute_session_case_idx on dispute_session (tenant_id, case_id, scheduled_at);
select wangwu_isolate_by_county('dispute_session');

-- The path of a case: every transition, who made it and why. Never rewritten.
create table dispute_case_step (
    tenant_id    varchar(6)   not null,
    id           uuid         not null,
    case_id      uuid         not null,
    occurred_at  timestamptz  not null,
    action       varchar(40)  not null,
    from_state   varchar(40),
    to_state     varchar(40)  not null,
    level        varchar(10),
    actor        varchar(255) not null,
    note         varchar(2000),
    primary key (tenant_id, id),
    foreign key (tenant_id, case_id) references dispute_case (tenant_id, id)
);
create index dispute_case_step_case_idx on dispute_case_step (tenant_id, case_id, occurred_at);
select wangwu_isolate_by_county('dispute_case_step', 'select, insert');
