-- The Events store: the seed's Events::TextMessage and AircallMessage, plus what the gateway reports.

-- One row per message. Created by MessagePlanned at status 0, or partially (planned = false) by a
-- status or click that arrives first; MessagePlanned then fills in the details, never the status.
create table text_message_events (
    message_id          text primary key,
    planned             boolean     not null default false,
    campaign_id         text,
    parent_id           text,
    child_id            text,
    phone               text,
    message_provider    text,                 -- spot_hit / aircall
    status              smallint    not null default 0,
    spot_hit_message_id text,
    aircall_message_id  text,
    body                text,
    segments            integer,
    encoding            text,
    link_code           text,
    quit_message        boolean     not null default false,
    workshop_id         text,
    supporter_id        text,
    purpose             text,
    planned_at          timestamptz,
    sent_at             timestamptz,
    delivered_at        timestamptz,
    finished_at         timestamptz,          -- when it reached its terminal status (1, 4 or 5)
    reason              text,
    attempts            integer,
    clicks              integer     not null default 0
) with (fillfactor = 80); -- room on the page so that status updates are HOT (no index touched)
create index text_message_events_campaign on text_message_events (campaign_id);
create index text_message_events_parent on text_message_events (parent_id);
-- (provider id, phone): a receipt for one number of a SpotHit campaign finds its message without reading the campaign.
create index text_message_events_spot_hit on text_message_events (spot_hit_message_id, phone) where spot_hit_message_id is not null;
create index text_message_events_aircall on text_message_events (aircall_message_id) where aircall_message_id is not null;

-- Every transition reported for a message, applied or not, once per event.
create table status_history (
    message_id  text        not null,
    event_id    text        not null,
    status      smallint    not null,
    occurred_at timestamptz not null,
    source      text        not null,
    reason      text,
    anomaly     boolean     not null default false, -- a terminal report conflicting with the terminal status
    primary key (message_id, event_id)
);

-- Provider receipts (StatusUpdated without messageId), kept so that a receipt arriving before the
-- SENT that teaches us the provider id is applied when that SENT is projected.
create table provider_receipts (
    event_id            text primary key,
    provider            text        not null,
    provider_message_id text        not null,
    phone               text,
    status              smallint    not null,
    occurred_at         timestamptz not null,
    source              text        not null,
    reason              text,
    attempts            integer
);
create index provider_receipts_provider_id on provider_receipts (provider_message_id, phone);
create index provider_receipts_campaign_wide on provider_receipts (provider_message_id) where phone is null;

-- The processed-event keys, written in the same transaction as the projection.
create table processed_events (
    event_id text primary key
);

create table aircall_messages (
    aircall_id  text primary key,
    message_id  text,
    parent_id   text,
    caller_id   text,
    number_id   text,
    phone       text,
    body        text,
    status      text        not null,  -- sent / delivered / failed / expired / received
    direction   text        not null,  -- inbound / outbound
    occurred_at timestamptz not null
);
create index aircall_messages_message on aircall_messages (message_id);

create table inbound_messages (
    event_id            text primary key,
    provider            text        not null,
    phone               text        not null,
    body                text        not null,
    kind                text        not null,  -- REPLY / STOP
    provider_message_id text,
    aircall_number_id   text,
    received_at         timestamptz not null
);
create index inbound_messages_received on inbound_messages (received_at desc, event_id);

create table opt_outs (
    phone        text primary key,
    provider     text        not null,
    reason       text        not null,
    event_id     text        not null,
    opted_out_at timestamptz not null
);

create table link_clicks (
    event_id   text primary key,
    message_id text        not null,
    code       text        not null,
    target_url text        not null,
    clicked_at timestamptz not null
);
create index link_clicks_message on link_clicks (message_id);

create table aircall_calls (
    event_id         text primary key,
    call_id          text        not null,
    event            text        not null,
    direction        text,
    status           text,
    phone            text,
    number_id        text,
    user_id          text,
    duration_seconds integer,
    occurred_at      timestamptz not null
);
create index aircall_calls_call on aircall_calls (call_id);
