-- Erasure and retention (docs/decisions/0021).

-- Parents erased on request: a directory record replayed later for one of them is not projected again.
create table erased_parent (
    parent_id  text primary key,
    erasure_id text        not null,
    erased_at  timestamptz not null
);

-- Set once every message of a finished campaign has been redacted by the retention purge, so later runs skip it.
alter table campaign add column messages_redacted boolean not null default false;
