-- RCS (issue 19): the channel a message took, whether RCS fell back to SMS, and when it was read.
alter table text_message_events
    add column channel  text,
    add column fallback boolean not null default false,
    add column read_at  timestamptz;

-- A parked receipt keeps what it said about the channel, for when it is matched later.
alter table provider_receipts
    add column channel  text,
    add column fallback boolean not null default false;
