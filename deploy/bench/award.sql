-- pgbench baseline for one award request (POST .../points/awards, rule without review, 0 disclosure
-- days: recorded and posted in one transaction): the statements the app issued (captured with
-- log_statement=all), in the same order, as wangwu_app under RLS. Transaction 1 is
-- CountyAccessFilter's gate, transaction 2 the award. Ids come from bench_target.
\set n random(1, :ntargets)
\set k random(1, 4000000000000)
select household_id from bench_target where n = :n \gset t_
BEGIN;
select set_config('app.tenant_id', '419001', true);
select c1_0.code,c1_0.name_en,c1_0.name_zh,c1_0.onboarded_at,c1_0.province_code,c1_0.status,c1_0.status_reason,c1_0.updated_at,c1_0.version from county c1_0 where c1_0.code='419001';
select cm1_0.module_key,cm1_0.enabled,cm1_0.settings,cm1_0.settings_revision,cm1_0.tenant_id,cm1_0.updated_at,cm1_0.updated_by,cm1_0.version from county_module cm1_0 where cm1_0.module_key='points' and cm1_0.tenant_id = '419001';
COMMIT;
BEGIN;
select set_config('app.tenant_id', '419001', true);
insert into idempotency_record (tenant_id, scope, idem_key, request_hash, status, created_at) values ('419001', 'points.award', 'pgb-' || :client_id || '-' || :k, encode(sha256(('x' || :k)::bytea), 'hex'), 0, now()) on conflict do nothing;
select cm1_0.module_key,cm1_0.enabled,cm1_0.settings,cm1_0.settings_revision,cm1_0.tenant_id,cm1_0.updated_at,cm1_0.updated_by,cm1_0.version from county_module cm1_0 where cm1_0.module_key='points' and cm1_0.tenant_id = '419001';
select h1_0.id,h1_0.address,h1_0.created_at,h1_0.group_id,h1_0.number,h1_0.tenant_id,h1_0.version,h1_0.village_id from household h1_0 where h1_0.id=:t_household_id and h1_0.tenant_id = '419001' \gset h_
select v1_0.id,v1_0.code,v1_0.created_at,v1_0.kind,v1_0.name_en,v1_0.name_zh,v1_0.tenant_id,v1_0.township_id,v1_0.version from village v1_0 where v1_0.id=:h_village_id and v1_0.tenant_id = '419001' \gset v_
select r1_0.id,r1_0.account_username,r1_0.birth_date,r1_0.created_at,r1_0.gender,r1_0.household_id,r1_0.id_number_cipher,r1_0.id_number_digest,r1_0.id_number_masked,r1_0.name,r1_0.party_member,r1_0.phone_cipher,r1_0.phone_masked,r1_0.relation,r1_0.representative,r1_0.tenant_id,r1_0.version,r1_0.village_id from resident r1_0 where r1_0.tenant_id = '419001' and r1_0.household_id=:t_household_id order by r1_0.name;
insert into points_account (tenant_id, id, holder_type, holder_id, household_id, village_code, holder_name, balance, last_seq, created_at, version) values ('419001', gen_random_uuid(), 'HOUSEHOLD', :t_household_id, :t_household_id, :v_code, :h_number || '户', 0, 0, now(), 0) on conflict (tenant_id, holder_type, holder_id) do nothing;
select pa1_0.id,pa1_0.balance,pa1_0.created_at,pa1_0.holder_id,pa1_0.holder_name,pa1_0.holder_type,pa1_0.household_id,pa1_0.last_seq,pa1_0.tenant_id,pa1_0.version,pa1_0.village_code from points_account pa1_0 where pa1_0.tenant_id = '419001' and pa1_0.holder_type='HOUSEHOLD' and pa1_0.holder_id=:t_household_id for no key update of pa1_0 \gset a_
select coalesce(sum(abs(a1_0.points)),0) from points_award a1_0 where a1_0.tenant_id = '419001' and a1_0.account_id=:a_id and a1_0.rule_code='BENCH-DIRECT' and a1_0.period_key=to_char(current_date, 'YYYY-MM') and a1_0.status<>'REJECTED';
select gen_random_uuid() as award, gen_random_uuid() as entry \gset r_
insert into points_award (account_id,category,description,disclosure_ends_at,entry_id,event_id,evidence_required,holder_name,occurred_on,period_key,points,posted_at,requested_at,requested_by,resident_id,review_reason,reviewed_at,reviewed_by,rule_code,rule_item,source,status,tenant_id,version,village_code,id) values (:a_id,'VOLUNTEER_SERVICE','bench',NULL,NULL,NULL,false,:a_holder_name,current_date,to_char(current_date, 'YYYY-MM'),10,NULL,now(),'jiyuan-admin',NULL,NULL,NULL,NULL,'BENCH-DIRECT','压测 bench deed','RECORDED','PENDING_REVIEW','419001',0,:v_code,:r_award);
select cast(pg_advisory_xact_lock(1096, 419001) as text);
select ar1_0.id,ar1_0.action,ar1_0.actor,ar1_0.detail,ar1_0.hash,ar1_0.occurred_at,ar1_0.prev_hash,ar1_0.request_id,ar1_0.seq,ar1_0.target_id,ar1_0.target_type,ar1_0.tenant_id from audit_record ar1_0 where ar1_0.tenant_id = '419001' order by ar1_0.seq desc fetch first 1 rows only \gset au_
insert into audit_record (action,actor,detail,hash,occurred_at,prev_hash,request_id,seq,target_id,target_type,tenant_id,id) values ('points.award-requested','jiyuan-admin','{"account":"' || :a_id || '","points":10,"rule":"BENCH-DIRECT","source":"RECORDED"}',encode(sha256((:au_hash || :r_award)::bytea),'hex'),now(),:au_hash,NULL,:au_seq + 1,:r_award,'points-award','419001',gen_random_uuid());
insert into points_ledger_entry (account_id,award_id,balance_after,booked_on,kind,memo,occurred_at,points,recorded_by,redemption_id,reverses_entry_id,seq,tenant_id,id) values (:a_id,:r_award,:a_balance + 10,current_date,'AWARD','BENCH-DIRECT 压测 bench deed',now(),10,'jiyuan-admin',NULL,NULL,:a_last_seq + 1,'419001',:r_entry);
insert into points_lot (account_id,earned_at,entry_id,expired,expires_on,points,remaining,tenant_id,version,id) values (:a_id,now(),:r_entry,0,NULL,10,10,'419001',0,gen_random_uuid());
insert into domain_event (aggregate_id,aggregate_type,occurred_at,payload,tenant_id,type,id) values (:r_award,'points-award',now(),'{"accountId":"' || :a_id || '","awardId":"' || :r_award || '","category":"VOLUNTEER_SERVICE","points":10,"ruleCode":"BENCH-DIRECT","villageCode":"' || :v_code || '"}','419001','points.award-posted',gen_random_uuid());
update points_award set account_id=account_id,category=category,description=description,disclosure_ends_at=NULL,entry_id=:r_entry,event_id=NULL,evidence_required=false,holder_name=holder_name,occurred_on=occurred_on,period_key=period_key,points=points,posted_at=now(),requested_at=requested_at,requested_by=requested_by,resident_id=NULL,review_reason=NULL,reviewed_at=NULL,reviewed_by=NULL,rule_code=rule_code,rule_item=rule_item,source=source,status='POSTED',version=1,village_code=village_code where id=:r_award and version=0;
update points_account set balance=:a_balance + 10,created_at=created_at,holder_id=holder_id,holder_name=holder_name,holder_type=holder_type,household_id=household_id,last_seq=:a_last_seq + 1,version=:a_version + 1,village_code=village_code where id=:a_id and version=:a_version;
select cast(pg_advisory_xact_lock(1096, 419001) as text);
select ar1_0.id,ar1_0.action,ar1_0.actor,ar1_0.detail,ar1_0.hash,ar1_0.occurred_at,ar1_0.prev_hash,ar1_0.request_id,ar1_0.seq,ar1_0.target_id,ar1_0.target_type,ar1_0.tenant_id from audit_record ar1_0 where ar1_0.tenant_id = '419001' order by ar1_0.seq desc fetch first 1 rows only \gset au2_
update idempotency_record set status = 201, response = '{"id":"' || :r_award || '","accountId":"' || :a_id || '","ruleCode":"BENCH-DIRECT","points":10,"status":"POSTED","entryId":"' || :r_entry || '"}' where scope = 'points.award' and idem_key = 'pgb-' || :client_id || '-' || :k;
insert into audit_record (action,actor,detail,hash,occurred_at,prev_hash,request_id,seq,target_id,target_type,tenant_id,id) values ('points.award-posted','jiyuan-admin','{"entry":"' || :r_entry || '","points":10}',encode(sha256((:au2_hash || :r_entry)::bytea),'hex'),now(),:au2_hash,NULL,:au2_seq + 1,:r_award,'points-award','419001',gen_random_uuid());
COMMIT;
