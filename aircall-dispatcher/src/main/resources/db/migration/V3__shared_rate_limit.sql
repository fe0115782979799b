-- The Aircall limit shared by every aircall-dispatcher replica (decision 0301): bucket4j's token
-- bucket state per credentials (SELECT ... FOR UPDATE on the row), and the hold Aircall's headers
-- impose until a window's reset.
create table rate_limit_bucket (
    credentials text primary key,
    state       bytea
);

create table rate_limit_hold (
    credentials text primary key,
    held_until  timestamptz not null
);
