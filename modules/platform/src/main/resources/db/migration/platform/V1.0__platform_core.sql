-- Platform core: provinces, counties (the tenants), and the county isolation helper every module uses.
-- Migrations run as the owner role; the application connects as ${app_role}, which owns nothing
-- and cannot bypass row-level security.

create table province (
    code    varchar(2)   primary key,
    name_zh varchar(50)  not null,
    name_en varchar(100) not null
);

insert into province (code, name_zh, name_en) values
 ('11','北京市','Beijing'), ('12','天津市','Tianjin'), ('13','河北省','Hebei'), ('14','山西省','Shanxi'),
 ('15','内蒙古自治区','Inner Mongolia'), ('21','辽宁省','Liaoning'), ('22','吉林省','Jilin'),
 ('23','黑龙江省','Heilongjiang'), ('31','上海市','Shanghai'), ('32','江苏省','Jiangsu'),
 ('33','浙江省','Zhejiang'), ('34','安徽省','Anhui'), ('35','福建省','Fujian'), ('36','江西省','Jiangxi'),
 ('37','山东省','Shandong'), ('41','河南省','Henan'), ('42','湖北省','Hubei'), ('43','湖南省','Hunan'),
 ('44','广东省','Guangdong'), ('45','广西壮族自治区','Guangxi'), ('46','海南省','Hainan'),
 ('50','重庆市','Chongqing'), ('51','四川省','Sichuan'), ('52','贵州省','Guizhou'), ('53','云南省','Yunnan'),
 ('54','西藏自治区','Tibet'), ('61','陕西省','Shaanxi'), ('62','甘肃省','Gansu'), ('63','青海省','Qinghai'),
 ('64','宁夏回族自治区','Ningxia'), ('65','新疆维吾尔自治区','Xinjiang');

create table county (
    code          varchar(6)   primary key,
    province_code varchar(2)   not null references province (code),
    name_zh       varchar(100) not null,
    name_en       varchar(200) not null,
    status        varchar(16)  not null check (status in ('ACTIVE', 'SUSPENDED')),
    status_reason varchar(500),
    onboarded_at  timestamptz  not null,
    updated_at    timestamptz  not null,
    version       bigint       not null default 0,
    check (substr(code, 1, 2) = province_code)
);
create index county_province_idx on county (province_code, code);

grant select on province to ${app_role};
grant select, insert, update on county to ${app_role};

-- Puts a county-owned table under row-level security and grants the application role its rights.
-- Every module's migration calls this once per table, so isolation is declared in one place.
create function wangwu_isolate_by_county(tbl regclass, privileges text default 'select, insert, update, delete')
returns void language plpgsql as $$
begin
    execute format('alter table %s enable row level security', tbl);
    execute format('create policy county_isolation on %s
                      using (tenant_id = current_setting(''app.tenant_id'', true))
                      with check (tenant_id = current_setting(''app.tenant_id'', true))', tbl);
    execute format('grant %s on %s to ${app_role}', privileges, tbl);
end;
$$;
