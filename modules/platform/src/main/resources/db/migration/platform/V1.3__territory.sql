-- People and places of a county: townships, villages, villager groups or grids, households, residents.
-- Keys lead with tenant_id so references can never cross counties (and the schema can be
-- distributed by tenant_id later).
create table township (
    tenant_id  varchar(6)   not null references county (code),
    id         uuid         not null,
    code       varchar(9)   not null check (code ~ '^[0-9]{9}$' and substr(code, 1, 6) = tenant_id),
    name_zh    varchar(100) not null,
    name_en    varchar(200),
    created_at timestamptz  not null,
    version    bigint       not null default 0,
    primary key (tenant_id, id),
    unique (tenant_id, code)
);

create table village (
    tenant_id   varchar(6)   not null,
    id          uuid         not null,
    township_id uuid         not null,
    code        varchar(12)  not null check (code ~ '^[0-9]{12}$' and substr(code, 1, 6) = tenant_id),
    name_zh     varchar(100) not null,
    name_en     varchar(200),
    kind        varchar(16)  not null check (kind in ('VILLAGE', 'COMMUNITY')),
    created_at  timestamptz  not null,
    version     bigint       not null default 0,
    primary key (tenant_id, id),
    unique (tenant_id, code),
    foreign key (tenant_id, township_id) references township (tenant_id, id)
);
create index village_township_idx on village (tenant_id, township_id, code);

create table villager_group (
    tenant_id  varchar(6)   not null,
    id         uuid         not null,
    village_id uuid         not null,
    code       varchar(20)  not null,
    name       varchar(100) not null,
    kind       varchar(16)  not null check (kind in ('GROUP', 'GRID')),
    created_at timestamptz  not null,
    version    bigint       not null default 0,
    primary key (tenant_id, id),
    unique (tenant_id, village_id, code),
    foreign key (tenant_id, village_id) references village (tenant_id, id)
);

create table household (
    tenant_id  varchar(6)   not null,
    id         uuid         not null,
    village_id uuid         not null,
    group_id   uuid,
    number     varchar(30)  not null,
    address    varchar(300),
    created_at timestamptz  not null,
    version    bigint       not null default 0,
    primary key (tenant_id, id),
    unique (tenant_id, village_id, number),
    foreign key (tenant_id, village_id) references village (tenant_id, id),
    foreign key (tenant_id, group_id) references villager_group (tenant_id, id)
);

create table resident (
    tenant_id          varchar(6)   not null,
    id                 uuid         not null,
    household_id       uuid         not null,
    village_id         uuid         not null,
    name               varchar(50)  not null,
    gender             varchar(8)   not null check (gender in ('MALE', 'FEMALE')),
    birth_date         date,
    relation           varchar(30),
    id_number_cipher   text,
    id_number_digest   varchar(64),
    id_number_masked   varchar(18),
    phone_cipher       text,
    phone_masked       varchar(11),
    representative     boolean      not null default false,
    party_member       boolean      not null default false,
    created_at         timestamptz  not null,
    version            bigint       not null default 0,
    primary key (tenant_id, id),
    unique (tenant_id, id_number_digest),
    foreign key (tenant_id, household_id) references household (tenant_id, id),
    foreign key (tenant_id, village_id) references village (tenant_id, id)
);
create index resident_household_idx on resident (tenant_id, household_id);
create index resident_village_idx on resident (tenant_id, village_id, id);

select wangwu_isolate_by_county('township');
select wangwu_isolate_by_county('village');
select wangwu_isolate_by_county('villager_group');
select wangwu_isolate_by_county('household');
select wangwu_isolate_by_county('resident');
