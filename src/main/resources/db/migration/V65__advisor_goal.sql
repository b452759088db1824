-- An internal goal the MSP sets itself for one tier, priority and metric, stricter than the target it promises
-- (the promised target stays in the tier's policy versions). The target advisor measures history against both.
create table advisor_goal (
    tier_id uuid not null references tier (id) on delete cascade,
    priority varchar(16) not null,
    metric varchar(32) not null,
    goal_seconds bigint not null check (goal_seconds > 0),
    updated_at timestamp with time zone not null,
    updated_by varchar(320) not null,
    primary key (tier_id, priority, metric)
);
