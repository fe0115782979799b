-- RCS (issue 19): the channel each message took, and whether it went as SMS because SpotHit refused RCS,
-- so that a status announced again from the ledger says the same.
alter table dispatch_ledger
    add column channel  text,
    add column fallback boolean not null default false;

-- A parked row is sent again after a restart (V4): it also keeps the channel the command asked for and
-- the RCS media, so that the retry takes the same channel as the first call would have.
alter table dispatch_ledger
    add column requested_channel text,
    add column media_id          text;
