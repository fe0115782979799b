-- The dispatch ledger: one row per requested message, keyed by messageId (exactly once towards
-- Aircall), holding its durable retry schedule and, as an outbox, whether its latest change was
-- announced on Kafka.
create table dispatch_ledger (
    message_id          text primary key,
    campaign_id         text        not null,
    phone               text        not null,
    body                text        not null,
    number_id           text,
    parent_id           text,
    supporter_id        text,
    state               text        not null check (state in ('PENDING', 'SENDING', 'SENT', 'FAILED')),
    attempts            int         not null default 0,
    next_attempt_at     timestamptz not null,
    claimed_at          timestamptz,
    aircall_message_id  text,
    reason              text,
    version             int         not null default 0,
    announced_version   int         not null default -1,
    received_at         timestamptz not null,
    updated_at          timestamptz not null
);

create index dispatch_ledger_due on dispatch_ledger (next_attempt_at) where state = 'PENDING';
create index dispatch_ledger_sending on dispatch_ledger (claimed_at) where state = 'SENDING';
create index dispatch_ledger_unannounced on dispatch_ledger (updated_at) where announced_version < version;
