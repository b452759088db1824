-- Trust pages (docs/adr/0034): what the MSP publishes, for itself or for one client, and the incidents it
-- writes. Nothing else is ever shown publicly: the public page is built from these rows and the figures of
-- the systems and priorities they name.
create table trust_page (
    id uuid primary key,
    -- null for the MSP's own page; else the client the page is about (one page per client)
    client_id uuid references client (id) on delete cascade,
    -- 'msp' or the client's id: one page each
    owner_key text not null unique,
    -- a client page's address (/trust/{slug}); null for the MSP's page (/trust)
    slug text unique,
    name text not null,
    logo_url text,
    accent_colour text not null,
    language text not null check (language in ('en', 'fr')),
    visibility text not null check (visibility in ('PUBLIC', 'SECRET')),
    -- SHA-256 of the secret link's token (/trust/s/{token}); the token itself is shown once
    secret_sha256 text unique,
    published boolean not null,
    -- the figures published, as METRIC:PRIORITY joined by commas (FIRST_RESPONSE:P1,RESOLUTION:P1)
    figures text not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null
);

create table trust_system (
    page_id uuid not null references trust_page (id) on delete cascade,
    monitor_id uuid not null references monitor (id),
    slug text not null,
    name text not null,
    position integer not null,
    primary key (page_id, monitor_id),
    unique (page_id, slug)
);

create table trust_incident (
    id uuid primary key,
    page_id uuid not null references trust_page (id) on delete cascade,
    title text not null,
    impact text not null check (impact in ('NONE', 'MINOR', 'MAJOR', 'CRITICAL')),
    status text not null check (status in ('INVESTIGATING', 'IDENTIFIED', 'MONITORING', 'RESOLVED')),
    started_at timestamp with time zone not null,
    resolved_at timestamp with time zone,
    updated_at timestamp with time zone not null
);

create index trust_incident_page on trust_incident (page_id, started_at);

create table trust_incident_system (
    incident_id uuid not null references trust_incident (id) on delete cascade,
    monitor_id uuid not null references monitor (id),
    primary key (incident_id, monitor_id)
);

create table trust_incident_update (
    id uuid primary key,
    incident_id uuid not null references trust_incident (id) on delete cascade,
    -- the update's number within its incident, from 1: the order updates are shown in
    position integer not null,
    status text not null,
    body text not null,
    at timestamp with time zone not null
);

create unique index trust_incident_update_order on trust_incident_update (incident_id, position);
