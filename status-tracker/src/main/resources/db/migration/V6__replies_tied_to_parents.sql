-- Replies, STOPs and Aircall calls tied to the parents whose phone they came from (issue 16, decision 0505).

-- The tracker's view of the compacted missive.directory topic: a parent's phone and supporter, nothing else.
create table directory_parents (
    parent_id    text primary key,
    phone        text,  -- E.164 after io.missive.schemas.phones.PhoneNumbers; null when missing or not a phone
    supporter_id text
);
create index directory_parents_phone on directory_parents (phone) where phone is not null;

-- A reply or STOP and each parent it came from (a shared phone: several rows), with that parent's supporter
-- when it was attached; received_at is copied so that a supporter's inbox is read newest first from the index.
create table inbound_parents (
    event_id     text        not null,
    parent_id    text        not null,
    supporter_id text,
    received_at  timestamptz not null,
    primary key (event_id, parent_id)
);
create index inbound_parents_parent on inbound_parents (parent_id);
create index inbound_parents_supporter on inbound_parents (supporter_id, received_at desc) where supporter_id is not null;

-- What a supporter has read of their inbox (the one thing here not projected from Kafka).
create table inbound_reads (
    supporter_id text        not null,
    event_id     text        not null,
    read_at      timestamptz not null,
    primary key (supporter_id, event_id)
);

-- An Aircall call and each parent it was with.
create table call_parents (
    call_id   text not null,
    parent_id text not null,
    primary key (call_id, parent_id)
);
create index call_parents_parent on call_parents (parent_id);

-- A parent learning a phone adopts the replies and calls of that phone no parent holds yet.
create index inbound_messages_phone on inbound_messages (phone);
create index aircall_calls_phone on aircall_calls (phone) where phone is not null;
