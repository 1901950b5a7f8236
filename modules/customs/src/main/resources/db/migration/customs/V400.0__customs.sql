-- Customs reform (移风易俗): village covenants, red and white councils, registrations before and
-- verification after weddings, funerals and banquets, household pledges, red and black lists.

-- A version of a village's covenant (村规民约). It takes effect when a consultation resolution on the
-- matter it names ratifies it, or where the county has no consultation, when a cadre records the
-- meeting that adopted it. One version of a village is in force at a time.
create table customs_covenant_version (
    tenant_id              varchar(6)     not null references county (code),
    id                     uuid           not null,
    village_code           varchar(12)    not null,
    number                 integer        not null,
    title                  varchar(200)   not null,
    body                   text           not null,
    rules                  text           not null,
    status                 varchar(16)    not null check (status in ('PROPOSED', 'IN_FORCE', 'SUPERSEDED')),
    consultation_matter_id varchar(64),
    adopted_by             varchar(16)    check (adopted_by in ('CONSULTATION', 'MEETING')),
    meeting_date           date,
    meeting_minutes        varchar(4000),
    attendees              integer,
    in_force_from          timestamptz,
    proposed_by            varchar(200)   not null,
    proposed_at            timestamptz    not null,
    version                bigint         not null default 0,
    primary key (tenant_id, id),
    unique (tenant_id, village_code, number)
);
create unique index customs_covenant_in_force_idx on customs_covenant_version (tenant_id, village_code) where status = 'IN_FORCE';
create unique index customs_covenant_matter_idx on customs_covenant_version (tenant_id, consultation_matter_id)
    where consultation_matter_id is not null;
select wangwu_isolate_by_county('customs_covenant_version', 'select, insert, update');

-- A member of a village's red and white council (红白理事会): a resident of the register with a
-- login, or a staff login, with a role on the council.
create table customs_council_member (
    tenant_id     varchar(6)    not null references county (code),
    id            uuid          not null,
    village_code  varchar(12)   not null,
    name          varchar(100)  not null,
    role          varchar(16)   not null check (role in ('CHAIR', 'DEPUTY_CHAIR', 'SECRETARY', 'MEMBER')),
    resident_id   uuid,
    username      varchar(200)  not null,
    joined_on     date          not null,
    left_on       date,
    added_by      varchar(200)  not null,
    primary key (tenant_id, id)
);
create unique index customs_council_active_idx on customs_council_member (tenant_id, village_code, username) where left_on is null;
select wangwu_isolate_by_county('customs_council_member', 'select, insert, update');

-- A registration before the event (事前报备), checked against the county's caps at once and decided
-- by the council; after the event the council records the actual figures (事后核查).
create table customs_registration (
    tenant_id               varchar(6)    not null references county (code),
    id                      uuid          not null,
    village_code            varchar(12)   not null,
    household_id            uuid          not null,
    resident_id             uuid,
    household_name          varchar(100)  not null,
    kind                    varchar(16)   not null check (kind in ('WEDDING', 'FUNERAL', 'BANQUET')),
    event_date              date          not null,
    venue                   varchar(200)  not null,
    tables                  integer       not null check (tables >= 0),
    guests                  integer       not null check (guests >= 0),
    bride_price_yuan        bigint        check (bride_price_yuan >= 0),
    gift_per_guest_yuan     bigint        check (gift_per_guest_yuan >= 0),
    funeral_days            integer       check (funeral_days >= 0),
    public_cemetery         boolean,
    excesses                text          not null,
    late                    boolean       not null,
    status                  varchar(24)   not null check (status in ('SUBMITTED', 'APPROVED', 'APPROVED_WITH_CONDITIONS',
                                                                     'WARNED', 'REVISED', 'VERIFIED')),
    decision_due_on         date          not null,
    overdue_on              date,
    decision                varchar(24)   check (decision in ('APPROVED', 'APPROVED_WITH_CONDITIONS', 'WARNED')),
    decided_by              varchar(200),
    decided_at              timestamptz,
    decision_note           varchar(2000),
    revision_of             uuid,
    actual                  text,
    breaches                text,
    compliant               boolean,
    money_saved_yuan        bigint,
    verified_by             varchar(200),
    verified_at             timestamptz,
    registered_by           varchar(200)  not null,
    registered_at           timestamptz   not null,
    settings_revision       integer       not null,
    version                 bigint        not null default 0,
    primary key (tenant_id, id)
);
create index customs_registration_village_idx on customs_registration (tenant_id, village_code, registered_at, id);
create index customs_registration_household_idx on customs_registration (tenant_id, household_id, registered_at);
create index customs_registration_due_idx on customs_registration (tenant_id, status, decision_due_on);
select wangwu_isolate_by_county('customs_registration', 'select, insert, update');

-- A household's pledge (承诺书) with its signed page attached; one per household.
create table customs_pledge (
    tenant_id     varchar(6)    not null references county (code),
    id            uuid          not null,
    village_code  varchar(12)   not null,
    household_id  uuid          not null,
    household_name varchar(100) not null,
    signed_on     date          not null,
    recorded_by   varchar(200)  not null,
    recorded_at   timestamptz   not null,
    primary key (tenant_id, id),
    unique (tenant_id, household_id)
);
create index customs_pledge_village_idx on customs_pledge (tenant_id, village_code, signed_on);
select wangwu_isolate_by_county('customs_pledge', 'select, insert');

-- A red-list commendation or a black-list entry. A black entry starts as a notice; it is listed only
-- when the notice ends with no open appeal; an appeal upholds or overturns it; listed entries expire.
create table customs_list_entry (
    tenant_id        varchar(6)    not null references county (code),
    id               uuid          not null,
    list             varchar(8)    not null check (list in ('RED', 'BLACK')),
    village_code     varchar(12)   not null,
    household_id     uuid          not null,
    household_name   varchar(100)  not null,
    reason           varchar(1000) not null,
    registration_id  uuid,
    status           varchar(16)   not null check (status in ('NOTICE', 'LISTED', 'OVERTURNED', 'EXPIRED')),
    noticed_on       date,
    notice_ends_on   date,
    appeal_ends_on   date,
    appeal_status    varchar(16)   check (appeal_status in ('OPEN', 'UPHELD', 'OVERTURNED')),
    appeal_reason    varchar(2000),
    appealed_by      varchar(200),
    appeal_decided_by varchar(200),
    appeal_decision  varchar(2000),
    listed_on        date,
    expires_on       date,
    ended_on         date,
    created_by       varchar(200)  not null,
    created_at       timestamptz   not null,
    version          bigint        not null default 0,
    primary key (tenant_id, id)
);
create index customs_list_public_idx on customs_list_entry (tenant_id, list, status, village_code, listed_on);
create index customs_list_due_idx on customs_list_entry (tenant_id, status, notice_ends_on, expires_on);
create unique index customs_list_registration_idx on customs_list_entry (tenant_id, registration_id) where registration_id is not null;
select wangwu_isolate_by_county('customs_list_entry', 'select, insert, update');
