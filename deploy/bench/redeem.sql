-- pgbench baseline for one redemption request: the statements the app issued for one
-- POST .../supermarkets/{id}/redemptions (captured with log_statement=all), in the same order, as
-- wangwu_app under RLS. One transaction: the county gate's checks (county, module) first, then the redemption; the audit
-- record goes into one of the county's 32 audit-chain shards (wangwu_audit_tail: the transaction's shard, its lock, then its last hash and the seq).
-- Differences: ids come from bench_target (one extra indexed lookup), UUIDs/hashes are made in SQL,
-- the lot to debit is found again by a subselect (the app keeps the rows it read).
\set n random(1, :ntargets)
\set k random(1, 4000000000000)
select account_id, market_id, goods_id from bench_target where n = :n \gset t_
BEGIN;
select set_config('app.tenant_id', '419001', true);
select c1_0.code,c1_0.name_en,c1_0.name_zh,c1_0.onboarded_at,c1_0.province_code,c1_0.status,c1_0.status_reason,c1_0.updated_at,c1_0.version from county c1_0 where c1_0.code='419001';
select cm1_0.module_key,cm1_0.enabled,cm1_0.settings,cm1_0.settings_revision,cm1_0.tenant_id,cm1_0.updated_at,cm1_0.updated_by,cm1_0.version from county_module cm1_0 where cm1_0.module_key='points' and cm1_0.tenant_id = '419001';
insert into idempotency_record (tenant_id, scope, idem_key, request_hash, status, created_at) values ('419001', 'points.redemption', 'pgb-' || :client_id || '-' || :k, encode(sha256(('x' || :k)::bytea), 'hex'), 0, now()) on conflict do nothing;
select s1_0.id,s1_0.created_at,s1_0.name,s1_0.place_code,s1_0.tenant_id,s1_0.version from points_supermarket s1_0 where s1_0.id=:t_market_id and s1_0.tenant_id = '419001';
select c1_0.username from points_clerk c1_0 where c1_0.tenant_id = '419001' and c1_0.supermarket_id=:t_market_id;
select pa1_0.id,pa1_0.balance,pa1_0.created_at,pa1_0.holder_id,pa1_0.holder_name,pa1_0.holder_type,pa1_0.household_id,pa1_0.last_seq,pa1_0.tenant_id,pa1_0.version,pa1_0.village_code from points_account pa1_0 where pa1_0.tenant_id = '419001' and pa1_0.id=:t_account_id for no key update of pa1_0 \gset a_
select g1_0.id,g1_0.active,g1_0.created_at,g1_0.name,g1_0.price_points,g1_0.stock,g1_0.supermarket_id,g1_0.tenant_id,g1_0.version from points_goods g1_0 where g1_0.tenant_id = '419001' and g1_0.id=:t_goods_id and g1_0.supermarket_id=:t_market_id for no key update of g1_0 \gset g_
select pl1_0.id,pl1_0.account_id,pl1_0.earned_at,pl1_0.entry_id,pl1_0.expired,pl1_0.expires_on,pl1_0.points,pl1_0.remaining,pl1_0.tenant_id,pl1_0.version from points_lot pl1_0 where pl1_0.tenant_id = '419001' and pl1_0.account_id=:t_account_id and pl1_0.remaining>0 order by pl1_0.earned_at,pl1_0.id;
select gen_random_uuid() as entry, gen_random_uuid() as redemption \gset r_
insert into points_ledger_entry (account_id,award_id,balance_after,booked_on,kind,memo,occurred_at,points,recorded_by,redemption_id,reverses_entry_id,seq,tenant_id,id) values (:t_account_id,NULL,:a_balance - 1,current_date,'REDEMPTION','BENCH 肥皂 x 1',now(),-1,'jiyuan-clerk',:r_redemption,NULL,:a_last_seq + 1,'419001',:r_entry);
insert into points_redemption (account_id,booked_on,clerk,entry_id,goods_id,points,quantity,redeemed_at,supermarket_id,tenant_id,id) values (:t_account_id,current_date,'jiyuan-clerk',:r_entry,:t_goods_id,1,1,now(),:t_market_id,'419001',:r_redemption);
insert into domain_event (aggregate_id,aggregate_type,occurred_at,payload,tenant_id,type,id) values (:r_redemption,'points-redemption',now(),'{"accountId":"' || :t_account_id || '","goodsId":"' || :t_goods_id || '","points":1,"quantity":1,"redemptionId":"' || :r_redemption || '","supermarketId":"' || :t_market_id || '","villageCode":"' || :a_village_code || '"}','419001','points.redemption-made',gen_random_uuid());
update points_account set balance=:a_balance - 1,created_at=created_at,holder_id=holder_id,holder_name=holder_name,holder_type=holder_type,household_id=household_id,last_seq=:a_last_seq + 1,version=:a_version + 1,village_code=village_code where id=:t_account_id and version=:a_version;
update points_lot set account_id=account_id,earned_at=earned_at,entry_id=entry_id,expired=expired,expires_on=expires_on,points=points,remaining=remaining - 1,version=version + 1 where id=(select id from points_lot where tenant_id = '419001' and account_id = :t_account_id and remaining > 0 order by earned_at, id limit 1);
update points_goods set active=true,created_at=created_at,name=name,price_points=price_points,stock=:g_stock - 1,supermarket_id=supermarket_id,version=:g_version + 1 where id=:t_goods_id and version=:g_version;
select cast(shard_no as text) as shard, cast(next_seq as text) as seq, coalesce(prev_hash, repeat('0', 64)) as hash from wangwu_audit_tail(cast('419001' as varchar), cast(32 as integer)) \gset au_
update idempotency_record set status = 201, response = '{"id":"' || :r_redemption || '","accountId":"' || :t_account_id || '","goodsId":"' || :t_goods_id || '","goodsName":"BENCH","quantity":1,"points":1,"balanceAfter":' || (:a_balance - 1) || ',"entryId":"' || :r_entry || '","clerk":"jiyuan-clerk"}' where scope = 'points.redemption' and idem_key = 'pgb-' || :client_id || '-' || :k;
insert into audit_record (action,actor,detail,hash,occurred_at,prev_hash,request_id,seq,shard,target_id,target_type,tenant_id,id) values ('points.redemption-made','jiyuan-clerk','{"account":"' || :t_account_id || '","goods":"' || :t_goods_id || '","points":1,"quantity":1}',encode(sha256((:au_hash || :r_redemption)::bytea),'hex'),now(),:au_hash,NULL,:au_seq,:au_shard,:r_redemption,'points-redemption','419001',gen_random_uuid());
COMMIT;
