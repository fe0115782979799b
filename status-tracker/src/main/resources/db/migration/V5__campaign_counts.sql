-- Per-campaign counters, kept by the projection in the same transaction as the messages' rows, so that a
-- campaign's view and the list of campaigns read a few rows instead of every message of a campaign.
-- One row per (campaign, provider, status); a message counts once it is planned (campaign_id known).
create table campaign_counts (
    campaign_id text     not null,
    provider    text     not null,   -- spot_hit / aircall / unknown
    status      smallint not null,
    messages    bigint   not null,
    primary key (campaign_id, provider, status)
);

-- What the list shows about a campaign, learnt from its first plans.
create table campaigns (
    campaign_id   text primary key,
    first_seen_at timestamptz not null default now(),
    planned_at    timestamptz,
    supporter_id  text,
    workshop_id   text,
    purpose       text
);
create index campaigns_newest on campaigns (first_seen_at desc, campaign_id);

-- Campaigns projected before the counters existed.
insert into campaign_counts (campaign_id, provider, status, messages)
select campaign_id, coalesce(message_provider, 'unknown'), status, count(*)
from text_message_events where campaign_id is not null group by 1, 2, 3;
insert into campaigns (campaign_id, first_seen_at, planned_at, supporter_id, workshop_id, purpose)
select campaign_id, coalesce(min(planned_at), now()), min(planned_at), min(supporter_id), min(workshop_id), min(purpose)
from text_message_events where campaign_id is not null group by 1;
