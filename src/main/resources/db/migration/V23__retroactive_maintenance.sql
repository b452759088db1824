-- A maintenance window that starts before it was created erases downtime already recorded: it is
-- refused unless the request says so, with a reason, kept here and shown with availability.
alter table maintenance_window add column retroactive boolean not null default false;
alter table maintenance_window add column reason text;
