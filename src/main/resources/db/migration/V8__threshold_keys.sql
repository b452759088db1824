-- A threshold is named by a key: a fraction of the target ("0.75", "1" for the breach) or a lead before
-- due in business time ("PT30M"). Firings and escalation rules name their threshold by that key.
alter table clock_firing rename to clock_firing_by_ratio;

create table clock_firing (
    ticket_id uuid not null references ticket (id),
    metric varchar(20) not null,
    cycle integer not null,
    threshold varchar(40) not null,
    crossed_at timestamp with time zone not null,
    fired_at timestamp with time zone not null,
    constraint clock_firing_once primary key (ticket_id, metric, cycle, threshold)
);

insert into clock_firing (ticket_id, metric, cycle, threshold, crossed_at, fired_at)
select ticket_id, metric, cycle, trim(trailing '.' from trim(trailing '0' from cast(ratio as varchar(20)))),
       crossed_at, fired_at
from clock_firing_by_ratio;

drop table clock_firing_by_ratio;

alter table escalation_rule add column threshold varchar(40);
update escalation_rule set threshold = trim(trailing '.' from trim(trailing '0' from cast(ratio as varchar(20))));
alter table escalation_rule alter column threshold set not null;
alter table escalation_rule drop column ratio;
