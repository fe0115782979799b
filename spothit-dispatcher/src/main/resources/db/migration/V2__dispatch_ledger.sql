-- The dispatch ledger: one row per message sent (or refused) towards SpotHit, written before the
-- call and settled after it, so that a redelivered record or a restart never sends twice.
create table dispatch_ledger (
    message_id          text        primary key,
    campaign_id         text        not null,
    phone               text        not null,
    state               text        not null check (state in ('PLANNED', 'SENDING', 'SENT', 'FAILED')),
    batch_id            uuid,
    spothit_message_id  text,
    reason              text,
    attempts            int         not null default 0,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);

create index dispatch_ledger_batch on dispatch_ledger (batch_id);
-- Recovery looks for calls that never settled.
create index dispatch_ledger_sending on dispatch_ledger (updated_at) where state = 'SENDING';
