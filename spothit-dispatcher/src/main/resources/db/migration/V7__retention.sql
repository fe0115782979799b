-- Retention (docs/decisions/0021): finished ledger rows are deleted after the message-bodies age; rows are written in
-- time order, so a BRIN index finds the old ones for a few pages and costs the dispatch path next to nothing.
create index dispatch_ledger_age on dispatch_ledger using brin (created_at);
