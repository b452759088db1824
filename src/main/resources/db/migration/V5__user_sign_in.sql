-- A CLIENT user acts for one client; consecutive failed sign-ins lock an account for a while.
alter table app_user add column client_id uuid references client (id);
alter table app_user add column failed_sign_ins integer default 0 not null;
alter table app_user add column locked_until timestamp with time zone;
