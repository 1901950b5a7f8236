-- Villagers' consultation (村民议事协商): suggestions, matters under "four discussions, two
-- disclosures" (四议两公开) or a lighter form, the village bodies that meet, meetings with attendance
-- and votes, disclosure windows with objections, implementation, supervision and evaluation.

-- Members of a village's standing bodies, drawn from the register and kept by the village's cadres:
-- the party branch committee (党支部委员会), the two committees (村"两委") and the village affairs
-- supervision committee (村务监督委员会). Party members and representatives are register flags.
create table consultation_body_member (
    tenant_id     varchar(6)   not null references county (code),
    id            uuid         not null,
    village_code  varchar(12)  not null,
    body          varchar(24)  not null check (body in ('PARTY_BRANCH', 'TWO_COMMITTEES', 'SUPERVISION_COMMITTEE')),
    resident_id   uuid         not null,
    resident_name varchar(100) not null,
    position      varchar(60),
    added_by      varchar(200) not null,
    added_at      timestamptz  not null,
    primary key (tenant_id, id),
    unique (tenant_id, village_code, body, resident_id)
);
select wangwu_isolate_by_county('consultation_body_member', 'select, insert, update, delete');

-- A matter for consultation (议事事项) on its way through the steps.
create table consultation_matter (
    tenant_id          varchar(6)     not null references county (code),
    id                 uuid           not null,
    village_code       varchar(12)    not null,
    category           varchar(40)    not null,
    title              varchar(200)   not null,
    description        varchar(4000)  not null,
    estimated_amount   numeric(14, 2) check (estimated_amount >= 0),
    procedure          varchar(8)     not null check (procedure in ('FULL', 'LIGHT')),
    form               varchar(40),
    step               varchar(24)    not null,
    step_since         timestamptz    not null,
    disclosure_ends_at timestamptz,
    resolution         varchar(4000),
    result_summary     varchar(4000),
    outcome            varchar(4000),
    created_by         varchar(200)   not null,
    created_at         timestamptz    not null,
    closed_at          timestamptz,
    version            bigint         not null default 0,
    primary key (tenant_id, id)
);
create index consultation_matter_village_idx on consultation_matter (tenant_id, village_code, created_at, id);
create index consultation_matter_step_idx on consultation_matter (tenant_id, step, disclosure_ends_at);
select wangwu_isolate_by_county('consultation_matter', 'select, insert, update');

-- Each time a matter is at a step: when it entered, when it left and how (the matter's timeline).
create table consultation_step_record (
    tenant_id    varchar(6)   not null references county (code),
    id           uuid         not null,
    matter_id    uuid         not null,
    step         varchar(24)  not null,
    entered_at   timestamptz  not null,
    left_at      timestamptz,
    result       varchar(12)  check (result in ('PASSED', 'FAILED', 'SENT_BACK')),
    note         varchar(1000),
    primary key (tenant_id, id),
    foreign key (tenant_id, matter_id) references consultation_matter (tenant_id, id)
);
create index consultation_step_matter_idx on consultation_step_record (tenant_id, matter_id, entered_at);
select wangwu_isolate_by_county('consultation_step_record', 'select, insert, update');

-- A villager's suggestion (意见建议), answered, merged into a matter, or declined.
create table consultation_suggestion (
    tenant_id     varchar(6)    not null references county (code),
    id            uuid          not null,
    village_code  varchar(12)   not null,
    category      varchar(40)   not null,
    text          varchar(2000) not null,
    author        varchar(200)  not null,
    author_name   varchar(100)  not null,
    status        varchar(10)   not null check (status in ('OPEN', 'REPLIED', 'MERGED', 'DECLINED')),
    reply         varchar(2000),
    matter_id     uuid,
    submitted_at  timestamptz   not null,
    answered_by   varchar(200),
    answered_at   timestamptz,
    version       bigint        not null default 0,
    primary key (tenant_id, id)
);
create index consultation_suggestion_village_idx on consultation_suggestion (tenant_id, village_code, submitted_at, id);
create index consultation_suggestion_author_idx on consultation_suggestion (tenant_id, author, submitted_at, id);
select wangwu_isolate_by_county('consultation_suggestion', 'select, insert, update');

-- A meeting of one step: the body, who is expected and present, the votes and whether it decided.
create table consultation_meeting (
    tenant_id           varchar(6)    not null references county (code),
    id                  uuid          not null,
    matter_id           uuid          not null,
    step                varchar(24)   not null,
    body                varchar(28)   not null,
    held_on             date          not null,
    status              varchar(12)   not null check (status in ('OPEN', 'INQUORATE', 'PASSED', 'REJECTED', 'RECORDED')),
    expected            integer,
    present             integer,
    households_expected integer,
    households_present  integer,
    votes_for           integer,
    votes_against       integer,
    votes_abstain       integer,
    vote_mode           varchar(12)   check (vote_mode in ('PER_PERSON', 'TOTALS')),
    minutes             varchar(8000),
    outcome             varchar(2000),
    recorded_by         varchar(200)  not null,
    opened_at           timestamptz   not null,
    concluded_at        timestamptz,
    version             bigint        not null default 0,
    primary key (tenant_id, id),
    foreign key (tenant_id, matter_id) references consultation_matter (tenant_id, id)
);
create index consultation_meeting_matter_idx on consultation_meeting (tenant_id, matter_id, opened_at);
select wangwu_isolate_by_county('consultation_meeting', 'select, insert, update');

-- Who attended a meeting (from the register), for whom they held a proxy, and how they voted.
create table consultation_attendance (
    tenant_id     varchar(6)   not null references county (code),
    id            uuid         not null,
    meeting_id    uuid         not null,
    resident_id   uuid         not null,
    resident_name varchar(100) not null,
    household_id  uuid         not null,
    proxy_for     uuid,
    proxy_name    varchar(100),
    proxy_household_id uuid,
    vote          varchar(8)   check (vote in ('FOR', 'AGAINST', 'ABSTAIN')),
    primary key (tenant_id, id),
    unique (tenant_id, meeting_id, resident_id),
    foreign key (tenant_id, meeting_id) references consultation_meeting (tenant_id, id)
);
select wangwu_isolate_by_county('consultation_attendance', 'select, insert, update, delete');

-- A villager's objection (异议) during a disclosure window, and its answer.
create table consultation_objection (
    tenant_id    varchar(6)    not null references county (code),
    id           uuid          not null,
    matter_id    uuid          not null,
    step         varchar(24)   not null,
    raised_by    varchar(200)  not null,
    reason       varchar(2000) not null,
    status       varchar(10)   not null check (status in ('OPEN', 'ANSWERED', 'SENT_BACK')),
    answer       varchar(2000),
    answered_by  varchar(200),
    raised_at    timestamptz   not null,
    answered_at  timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, matter_id) references consultation_matter (tenant_id, id)
);
create index consultation_objection_matter_idx on consultation_objection (tenant_id, matter_id, raised_at);
select wangwu_isolate_by_county('consultation_objection', 'select, insert, update');

-- Implementation progress (实施进展) by cadres, and the supervision committee's opinions (监督意见).
create table consultation_progress (
    tenant_id    varchar(6)    not null references county (code),
    id           uuid          not null,
    matter_id    uuid          not null,
    kind         varchar(12)   not null check (kind in ('PROGRESS', 'SUPERVISION')),
    note         varchar(2000) not null,
    percent      integer       check (percent between 0 and 100),
    approved     boolean,
    recorded_by  varchar(200)  not null,
    recorded_at  timestamptz   not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, matter_id) references consultation_matter (tenant_id, id)
);
create index consultation_progress_matter_idx on consultation_progress (tenant_id, matter_id, recorded_at);
select wangwu_isolate_by_county('consultation_progress', 'select, insert');

-- Villagers' evaluation (群众评议) of a disclosed result: once per household.
create table consultation_evaluation (
    tenant_id    varchar(6)    not null references county (code),
    id           uuid          not null,
    matter_id    uuid          not null,
    household_id uuid          not null,
    rating       varchar(20)   not null check (rating in ('SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED')),
    comment      varchar(1000),
    evaluated_by varchar(200)  not null,
    evaluated_at timestamptz   not null,
    primary key (tenant_id, id),
    unique (tenant_id, matter_id, household_id),
    foreign key (tenant_id, matter_id) references consultation_matter (tenant_id, id)
);
select wangwu_isolate_by_county('consultation_evaluation', 'select, insert');
