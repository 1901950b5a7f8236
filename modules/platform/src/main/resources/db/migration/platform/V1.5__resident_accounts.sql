-- A resident may sign in: their Keycloak username links the login to the register entry.
alter table resident add column account_username varchar(100);
create unique index resident_account_idx on resident (tenant_id, account_username);
