-- Tamper-evident audit log: hash chains, one per client (its tickets' events, its imports) and one for
-- Pledge itself ("pledge": tokens and the rest). Each entry holds the SHA-256 of its canonical content
-- chained to the previous entry's hash; audit_chain keeps each chain's head, so that removing the last
-- entries shows too. Rows are appended, never updated or deleted.
create table audit_chain (
    chain varchar(60) primary key,
    head_seq bigint not null,
    head_hash char(64) not null
);

create table audit_entry (
    chain varchar(60) not null,
    seq bigint not null,
    at timestamp with time zone not null,
    actor varchar(320) not null,
    action varchar(60) not null,
    subject varchar(200) not null,
    details varchar(4000),
    prev_hash char(64) not null,
    hash char(64) not null,
    primary key (chain, seq)
);
