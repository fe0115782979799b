-- RCS (issue 19): the channel each message took, and whether it went as SMS because SpotHit refused RCS,
-- so that a status announced again from the ledger says the same.
alter table dispatch_ledger
    add column channel  text,
    add column fallback boolean not null default false;
