-- Visitors subscribed to a trust page's incidents and maintenance (docs/adr/0039): by mail, or by webhook
-- with a contact address that confirms it. A subscriber gets notices only once confirmed; unconfirmed ones
-- expire. The target is what makes a subscriber one: the address (lower case) for mail, the URL for a webhook.
create table trust_subscriber (
    id uuid primary key,
    page_id uuid not null references trust_page (id) on delete cascade,
    kind varchar(8) not null check (kind in ('MAIL', 'WEBHOOK')),
    target varchar(2000) not null,
    email varchar(320) not null,
    webhook_url varchar(2000),
    webhook_secret varchar(100),
    language varchar(2) not null,
    -- The SHA-256 of the confirmation link's token, until it is confirmed.
    confirmation_sha256 varchar(64),
    -- Carried by every notice, so kept as it is: it only ends this one subscription.
    unsubscribe_token varchar(100) not null,
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone,
    confirmed_at timestamp with time zone,
    constraint trust_subscriber_once unique (page_id, kind, target),
    constraint trust_subscriber_confirmation unique (confirmation_sha256),
    constraint trust_subscriber_unsubscribe unique (unsubscribe_token)
);

-- What happened on a page that subscribers are told of, once per key (an incident's update, a maintenance's
-- start), as the facts the notices are written from.
create table trust_notice_event (
    id uuid primary key,
    page_id uuid not null references trust_page (id) on delete cascade,
    event_key varchar(300) not null,
    payload text not null,
    created_at timestamp with time zone not null,
    constraint trust_notice_event_once unique (event_key)
);

-- The outbox: one row per subscriber and event (or per confirmation request, with no event), written in the
-- transaction of the change, claimed by one sender at a time, retried with backoff, dead after the last try.
create table trust_notice (
    id uuid primary key,
    subscriber_id uuid not null references trust_subscriber (id) on delete cascade,
    event_id uuid references trust_notice_event (id) on delete cascade,
    -- A confirmation request's token, until its mail is sent.
    confirmation_token varchar(100),
    state varchar(8) not null check (state in ('PENDING', 'SENT', 'DEAD')),
    attempts integer not null default 0,
    next_attempt_at timestamp with time zone not null,
    last_error varchar(2000),
    created_at timestamp with time zone not null,
    sent_at timestamp with time zone,
    constraint trust_notice_once unique (subscriber_id, event_id)
);

create index trust_notice_due on trust_notice (state, next_attempt_at);
create index trust_notice_event_of on trust_notice (event_id);
create index trust_subscriber_expiry on trust_subscriber (expires_at);
