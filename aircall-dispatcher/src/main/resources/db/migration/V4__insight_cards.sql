-- Insight cards (issue 17): the phone -> parent view kept from the compacted missive.directory
-- topic (never another service's tables), the cards waiting to be posted, and an index to find the
-- last message the ledger sent to a phone.
create table directory_parent (
    parent_id   text primary key,
    phone       text,
    first_name  text
);

create index directory_parent_phone on directory_parent (phone);

create table directory_child (
    child_id    text primary key,
    parent_id   text,
    first_name  text
);

create index directory_child_parent on directory_child (parent_id);

-- One card per Aircall call (the same call may be announced twice); useless after its deadline.
create table insight_card (
    call_id          text primary key,
    contents         text        not null,
    state            text        not null check (state in ('PENDING', 'POSTING', 'POSTED', 'DROPPED', 'FAILED')),
    deadline         timestamptz not null,
    next_attempt_at  timestamptz not null,
    claimed_at       timestamptz,
    attempts         int         not null default 0,
    reason           text,
    received_at      timestamptz not null,
    updated_at       timestamptz not null
);

create index insight_card_due on insight_card (next_attempt_at) where state = 'PENDING';
create index insight_card_posting on insight_card (claimed_at) where state = 'POSTING';

create index dispatch_ledger_phone on dispatch_ledger (phone, received_at desc);
