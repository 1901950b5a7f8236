-- The moral points bank (道德积分银行): accounts, awards under the county's rule catalogue with review,
-- public disclosure and objections, an append-only ledger with lots, love supermarkets and redemptions.

-- An account belongs to a household or a resident (the county's choice). The balance column is a
-- cache kept in the same transaction as the entries and never below zero; the entries are the truth.
create table points_account (
    tenant_id     varchar(6)   not null references county (code),
    id            uuid         not null,
    holder_type   varchar(16)  not null check (holder_type in ('HOUSEHOLD', 'RESIDENT')),
    holder_id     uuid         not null,
    household_id  uuid         not null,
    village_code  varchar(12)  not null,
    holder_name   varchar(100) not null,
    balance       bigint       not null default 0 check (balance >= 0),
    last_seq      bigint       not null default 0,
    created_at    timestamptz  not null,
    version       bigint       not null default 0,
    primary key (tenant_id, id),
    unique (tenant_id, holder_type, holder_id)
);
create index points_account_village_idx on points_account (tenant_id, village_code, holder_name);
select wangwu_isolate_by_county('points_account', 'select, insert, update');

-- An award or deduction on its way: applied or recorded, reviewed, disclosed, objected to, posted.
create table points_award (
    tenant_id          varchar(6)    not null references county (code),
    id                 uuid          not null,
    account_id         uuid          not null,
    village_code       varchar(12)   not null,
    holder_name        varchar(100)  not null,
    rule_code          varchar(40)   not null,
    rule_item          varchar(200)  not null,
    category           varchar(40)   not null,
    points             integer       not null check (points <> 0),
    evidence_required  boolean       not null,
    status             varchar(20)   not null check (status in ('PENDING_REVIEW', 'REJECTED', 'DISCLOSED', 'OBJECTED', 'POSTED')),
    source             varchar(16)   not null check (source in ('APPLICATION', 'RECORDED', 'EVENT')),
    description        varchar(1000),
    resident_id        uuid,
    occurred_on        date          not null,
    period_key         varchar(7)    not null,
    requested_by       varchar(200)  not null,
    requested_at       timestamptz   not null,
    reviewed_by        varchar(200),
    reviewed_at        timestamptz,
    review_reason      varchar(1000),
    disclosure_ends_at timestamptz,
    posted_at          timestamptz,
    entry_id           uuid,
    event_id           uuid,
    version            bigint        not null default 0,
    primary key (tenant_id, id),
    foreign key (tenant_id, account_id) references points_account (tenant_id, id)
);
create index points_award_account_idx on points_award (tenant_id, account_id, rule_code, period_key);
create index points_award_status_idx on points_award (tenant_id, status, disclosure_ends_at);
create index points_award_village_idx on points_award (tenant_id, village_code, requested_at, id);
-- An event earns points once, however often it is delivered.
create unique index points_award_event_idx on points_award (tenant_id, event_id, rule_code) where event_id is not null;
select wangwu_isolate_by_county('points_award', 'select, insert, update');

-- A villager's objection to a disclosed award; it holds the award until a reviewer settles it.
create table points_objection (
    tenant_id   varchar(6)    not null references county (code),
    id          uuid          not null,
    award_id    uuid          not null,
    raised_by   varchar(200)  not null,
    reason      varchar(1000) not null,
    status      varchar(16)   not null check (status in ('OPEN', 'UPHELD', 'DISMISSED')),
    raised_at   timestamptz   not null,
    settled_by  varchar(200),
    settled_at  timestamptz,
    settlement  varchar(1000),
    primary key (tenant_id, id),
    foreign key (tenant_id, award_id) references points_award (tenant_id, id)
);
create index points_objection_award_idx on points_objection (tenant_id, award_id, status);
select wangwu_isolate_by_county('points_objection', 'select, insert, update');

-- The ledger: append-only. The application role may insert and read, never update or delete;
-- a correction is a reversing entry.
create table points_ledger_entry (
    tenant_id    varchar(6)    not null references county (code),
    id           uuid          not null,
    account_id   uuid          not null,
    seq          bigint        not null,
    kind         varchar(16)   not null check (kind in ('AWARD', 'DEDUCTION', 'REDEMPTION', 'EXPIRY', 'REVERSAL')),
    points       bigint        not null,
    balance_after bigint       not null check (balance_after >= 0),
    award_id     uuid,
    redemption_id uuid,
    reverses_entry_id uuid,
    memo         varchar(1000),
    occurred_at  timestamptz   not null,
    booked_on    date          not null,
    recorded_by  varchar(200)  not null,
    primary key (tenant_id, id),
    unique (tenant_id, account_id, seq),
    foreign key (tenant_id, account_id) references points_account (tenant_id, id)
);
create index points_entry_booked_idx on points_ledger_entry (tenant_id, booked_on, kind);
create unique index points_entry_reversal_idx on points_ledger_entry (tenant_id, reverses_entry_id)
    where reverses_entry_id is not null;
select wangwu_isolate_by_county('points_ledger_entry', 'select, insert');

-- Each credit is a lot; spending, deductions and expiry take from lots oldest first, so expiry takes
-- exactly what is left of old awards. The sum of remaining points equals the balance.
create table points_lot (
    tenant_id   varchar(6)   not null references county (code),
    id          uuid         not null,
    account_id  uuid         not null,
    entry_id    uuid         not null,
    points      bigint       not null check (points > 0),
    remaining   bigint       not null check (remaining >= 0),
    expired     bigint       not null default 0 check (expired >= 0),
    earned_at   timestamptz  not null,
    expires_on  date,
    version     bigint       not null default 0,
    primary key (tenant_id, id),
    foreign key (tenant_id, account_id) references points_account (tenant_id, id),
    foreign key (tenant_id, entry_id) references points_ledger_entry (tenant_id, id),
    check (remaining + expired <= points)
);
create index points_lot_open_idx on points_lot (tenant_id, account_id, earned_at, id) where remaining > 0;
create index points_lot_expiry_idx on points_lot (tenant_id, expires_on) where remaining > 0;
select wangwu_isolate_by_county('points_lot', 'select, insert, update');

-- Love supermarkets (爱心超市) of a village or township, with their clerks and goods.
create table points_supermarket (
    tenant_id   varchar(6)   not null references county (code),
    id          uuid         not null,
    name        varchar(100) not null,
    place_code  varchar(12)  not null,
    created_at  timestamptz  not null,
    version     bigint       not null default 0,
    primary key (tenant_id, id)
);
create index points_supermarket_place_idx on points_supermarket (tenant_id, place_code);
select wangwu_isolate_by_county('points_supermarket', 'select, insert, update');

create table points_clerk (
    tenant_id      varchar(6)   not null references county (code),
    id             uuid         not null,
    supermarket_id uuid         not null,
    username       varchar(100) not null,
    primary key (tenant_id, id),
    unique (tenant_id, supermarket_id, username),
    foreign key (tenant_id, supermarket_id) references points_supermarket (tenant_id, id)
);
select wangwu_isolate_by_county('points_clerk', 'select, insert, delete');

create table points_goods (
    tenant_id      varchar(6)   not null references county (code),
    id             uuid         not null,
    supermarket_id uuid         not null,
    name           varchar(100) not null,
    price_points   integer      not null check (price_points > 0),
    stock          integer      not null check (stock >= 0),
    active         boolean      not null default true,
    created_at     timestamptz  not null,
    version        bigint       not null default 0,
    primary key (tenant_id, id),
    foreign key (tenant_id, supermarket_id) references points_supermarket (tenant_id, id)
);
create index points_goods_market_idx on points_goods (tenant_id, supermarket_id, name);
select wangwu_isolate_by_county('points_goods', 'select, insert, update');

create table points_redemption (
    tenant_id      varchar(6)   not null references county (code),
    id             uuid         not null,
    supermarket_id uuid         not null,
    account_id     uuid         not null,
    goods_id       uuid         not null,
    quantity       integer      not null check (quantity > 0),
    points         bigint       not null check (points > 0),
    entry_id       uuid         not null,
    clerk          varchar(200) not null,
    redeemed_at    timestamptz  not null,
    booked_on      date         not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, supermarket_id) references points_supermarket (tenant_id, id),
    foreign key (tenant_id, account_id) references points_account (tenant_id, id),
    foreign key (tenant_id, goods_id) references points_goods (tenant_id, id),
    foreign key (tenant_id, entry_id) references points_ledger_entry (tenant_id, id)
);
create index points_redemption_market_idx on points_redemption (tenant_id, supermarket_id, redeemed_at, id);
create index points_redemption_account_idx on points_redemption (tenant_id, account_id, booked_on);
select wangwu_isolate_by_county('points_redemption', 'select, insert');
