-- Imports listed newest first (GET /api/v1/imports and the imports page), and how many rows an uploaded
-- file holds, counted while it is stored, so that an import's progress is exact (null when not counted:
-- imports from before, and the command line's).
alter table import_job add column rows_total bigint;
create index import_job_newest on import_job (started_at desc, id desc);
