-- Unknown outcomes reconciled from SpotHit's receipts (issue 24, docs/decisions/0504).

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
