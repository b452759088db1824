-- Coverage: the instant from which a monitor was watched. Before it (before the monitor existed, or
-- before its first check, heartbeat or missed deadline) there is no data, and availability counts only
-- the covered part of a period. Null while a monitor has no data yet. An external monitor is watched
-- from its creation (its tool reports incidents, silence means no incident), or from the start of the
-- earliest downtime its tool reported, when earlier.
alter table monitor add column watched_since timestamp with time zone;

-- Monitors created before: those already checked, called or fed are taken as watched from their
-- creation (a first check comes within one interval of it); a heartbeat never called, from its first
-- missed deadline (the start of its first downtime, below).
update monitor set watched_since = created_at
where kind = 'EXTERNAL'
   or last_check_at is not null
   or last_beat_at is not null
   or (status <> 'PENDING' and kind <> 'HEARTBEAT');

update monitor set watched_since = (select min(d.started_at) from downtime d where d.monitor_id = monitor.id)
where exists (
    select 1 from downtime d
    where d.monitor_id = monitor.id and (monitor.watched_since is null or d.started_at < monitor.watched_since));
