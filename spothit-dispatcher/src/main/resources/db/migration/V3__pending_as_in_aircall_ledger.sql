-- A message known but not yet sent was PLANNED here and PENDING in the Aircall dispatcher's ledger:
-- one idea, one word (decision 0009). Rows already stored are rewritten; the check follows.
alter table dispatch_ledger drop constraint dispatch_ledger_state_check;
update dispatch_ledger set state = 'PENDING' where state = 'PLANNED';
alter table dispatch_ledger add constraint dispatch_ledger_state_check
    check (state in ('PENDING', 'SENDING', 'SENT', 'FAILED'));
