-- The notice board test module's own table (test sources only).
create table noticeboard_notice (
    tenant_id varchar(6)    not null references county (code),
    id        uuid          not null,
    title     varchar(100)  not null,
    body      varchar(5000) not null,
    posted_at timestamptz   not null default now(),
    archived  boolean       not null default false,
    primary key (tenant_id, id)
);
create index noticeboard_notice_posted_idx on noticeboard_notice (tenant_id, posted_at) where not archived;
select wangwu_isolate_by_county('noticeboard_notice');
