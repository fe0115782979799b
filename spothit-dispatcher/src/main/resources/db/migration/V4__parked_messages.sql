-- Parking (decision 0205): a call that failed transiently leaves its messages PARKED with a time for
-- the next attempt, instead of failing them. A parked row must be sendable again after a restart, so
-- it keeps what the call needs: the body, the template, the variables and the attachment. Only
-- parked rows carry them; a message sent at the first try never writes them.
alter table dispatch_ledger drop constraint dispatch_ledger_state_check;
alter table dispatch_ledger add constraint dispatch_ledger_state_check
    check (state in ('PENDING', 'SENDING', 'PARKED', 'SENT', 'FAILED'));

alter table dispatch_ledger
    add column due_at          timestamptz,
    add column next_attempt_at timestamptz,
    add column parks           int not null default 0,
    add column body            text,
    add column template        text,
    add column variables       jsonb,
    add column attachment_url  text;

-- The retry loop takes due parked messages in the order they were planned.
create index dispatch_ledger_parked on dispatch_ledger (due_at, message_id) where state = 'PARKED';
