-- Issue 24: unknown outcomes reconciled from SpotHit's receipts (docs/decisions/0504), and when a message
-- waiting for its provider is tried again (0205).

-- The messages the SpotHit dispatcher FAILED with UNKNOWN_OUTCOME, with the call they were part of: a
-- small table of its own, so that text_message_events keeps its indexes (and its HOT status updates).
create table unknown_outcomes (
    message_id      text        primary key,
    call_id         text        not null,
    phone           text        not null,
    failed_at       timestamptz not null,
    reconciled_with text,                  -- the SpotHit campaign id the call adopted from its receipts
    reconciled_at   timestamptz
);
create index unknown_outcomes_open on unknown_outcomes (phone) where reconciled_with is null;
create index unknown_outcomes_call on unknown_outcomes (call_id);
create index unknown_outcomes_campaign on unknown_outcomes (reconciled_with) where reconciled_with is not null;

-- When the tracker stored a receipt: one is reconciled only after a grace, so that a late SENT claims it first.
alter table provider_receipts add column received_at timestamptz not null default now();
create index provider_receipts_phone on provider_receipts (phone) where provider = 'SPOTHIT' and phone is not null;

-- The next attempt a dispatcher announced for a message waiting for its provider (IN_PROGRESS retrying):
-- not indexed, so status updates stay HOT; read per campaign through the campaign index.
alter table text_message_events add column next_attempt_at timestamptz;
