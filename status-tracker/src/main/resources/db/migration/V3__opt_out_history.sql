-- Opting back in (OptOut active=false, with author and reason) keeps the phone's row, now inactive, and every
-- opt-out and opt-in of a phone is kept in its history.
alter table opt_outs add column active boolean not null default true;
alter table opt_outs add column author text;

create table opt_out_history (
    event_id    text primary key,
    phone       text        not null,
    provider    text        not null,
    active      boolean     not null,
    reason      text        not null,
    author      text,
    occurred_at timestamptz not null
);
create index opt_out_history_by_phone on opt_out_history (phone, occurred_at);
