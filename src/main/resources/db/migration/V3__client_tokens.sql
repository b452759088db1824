-- A CLIENT token acts for one client, and sees that client's data only.
alter table api_token add column client_id uuid references client (id);
