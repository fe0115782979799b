-- Retention (docs/decisions/0021): what the purge needs to find due rows without scanning, and erasure records.

-- When a processed-event key was written: keys older than the dedupe window are purged. Existing keys take the
-- migration's time (a constant default: no table rewrite), so they age from now.
alter table processed_events add column processed_at timestamptz not null default now();
-- Written in time order: a BRIN index is a few pages and costs the projection's inserts next to nothing.
create index processed_events_age on processed_events using brin (processed_at);
create index provider_receipts_age on provider_receipts using brin (occurred_at);
create index aircall_messages_age on aircall_messages using brin (occurred_at);
create index aircall_calls_age on aircall_calls using brin (occurred_at);

-- Only messages still holding a body or a phone, oldest planned first: redacted rows leave the index, so each purge
-- batch starts at the first due row. planned_at and body never change after planning, so status updates stay HOT.
create index text_message_events_unredacted on text_message_events (planned_at)
    where body is not null or phone is not null;

-- An erasure as the tracker learnt it from missive.commands, and each service's confirmation from missive.erasures.
create table erasure_request (
    erasure_id   text primary key,
    parent_id    text        not null,
    author       text        not null,
    reason       text        not null,
    requested_at timestamptz not null
);

create table erasure_confirmation (
    erasure_id   text        not null,
    service      text        not null,
    parent_id    text        not null,
    removed      jsonb       not null,
    kept         text,
    confirmed_at timestamptz not null,
    primary key (erasure_id, service)
);
