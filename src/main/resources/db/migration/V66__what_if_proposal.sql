-- A proposed policy for a tier, saved to be replayed over history, compared with others and adopted as the
-- tier's next policy version. definition holds the tier policy document as JSON text, as tier_policy does.
create table what_if_proposal (
    id uuid primary key,
    tier_id uuid not null references tier (id) on delete cascade,
    name varchar(200) not null,
    definition text not null,
    created_at timestamp with time zone not null,
    created_by varchar(320) not null,
    adopted_version integer,
    adopted_at timestamp with time zone
);
create index what_if_proposal_tier on what_if_proposal (tier_id, created_at);
