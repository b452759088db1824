-- The language a client's reports are written in (the QBR pack, its mail); English unless set.
alter table client add column language varchar(8) default 'en' not null;
alter table client add constraint client_language_known check (language in ('en', 'fr'));
