-- The gateway's only state: tracked links, fed from missive.sms.planned.
create table tracked_link (
    code          varchar(32)  primary key,
    message_id    varchar(64)  not null,
    target_url    text         not null,
    registered_at timestamptz  not null default now()
);
