-- Pledge catalog: calendars, clients, tiers with versioned policies, contracts; users and API tokens.
-- Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL 15+.

create table calendar (
    id uuid primary key,
    name varchar(200) not null,
    zone varchar(64) not null,
    definition text not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null
);

create table client (
    id uuid primary key,
    name varchar(200) not null,
    slug varchar(63) not null,
    zone varchar(64) not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    constraint client_slug_unique unique (slug)
);

create table client_contact (
    client_id uuid not null references client (id) on delete cascade,
    position integer not null,
    name varchar(200) not null,
    email varchar(320),
    phone varchar(50),
    primary key (client_id, position)
);

create table tier (
    id uuid primary key,
    name varchar(100) not null,
    description varchar(2000),
    created_at timestamp with time zone not null,
    constraint tier_name_unique unique (name)
);

-- Policy versions are written once and never updated.
create table tier_policy (
    tier_id uuid not null references tier (id) on delete cascade,
    version integer not null,
    effective_from timestamp with time zone not null,
    created_by varchar(320) not null,
    definition text not null,
    primary key (tier_id, version),
    constraint tier_policy_version_positive check (version > 0)
);

-- The calendars a policy version's targets count in, so that a calendar in use cannot be deleted.
create table tier_policy_calendar (
    tier_id uuid not null,
    version integer not null,
    calendar_id uuid not null references calendar (id),
    primary key (tier_id, version, calendar_id),
    foreign key (tier_id, version) references tier_policy (tier_id, version) on delete cascade
);

create table contract (
    id uuid primary key,
    client_id uuid not null references client (id),
    tier_id uuid not null references tier (id),
    calendar_id uuid not null references calendar (id),
    start_date date not null,
    end_date date,
    monthly_fee numeric(14, 2) not null,
    currency char(3) not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    constraint contract_dates check (end_date is null or end_date >= start_date)
);

create index contract_client_start on contract (client_id, start_date);

create table contract_service (
    contract_id uuid not null references contract (id) on delete cascade,
    position integer not null,
    service varchar(200) not null,
    primary key (contract_id, position),
    constraint contract_service_unique unique (contract_id, service)
);

create table app_user (
    id uuid primary key,
    email varchar(320) not null,
    password_hash varchar(500) not null,
    role varchar(20) not null,
    created_at timestamp with time zone not null,
    constraint app_user_email_unique unique (email)
);

-- Only the SHA-256 of a token is kept; the token itself is shown once, at creation.
create table api_token (
    id uuid primary key,
    name varchar(200) not null,
    token_hash char(64) not null,
    prefix varchar(16) not null,
    role varchar(20) not null,
    created_by varchar(320) not null,
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone,
    last_used_at timestamp with time zone,
    revoked_at timestamp with time zone,
    constraint api_token_hash_unique unique (token_hash)
);
