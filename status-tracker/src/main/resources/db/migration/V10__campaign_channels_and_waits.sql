-- A campaign's page answers from a few rows, never from its messages (issue 21): the per-campaign counters
-- also count by channel and by fallback, and the messages waiting for their provider are a set of their own.

alter table campaign_counts add column channel  text    not null default 'unknown',
                            add column fallback boolean not null default false;
alter table campaign_counts drop constraint campaign_counts_pkey;
truncate campaign_counts;
insert into campaign_counts (campaign_id, provider, status, channel, fallback, messages)
select campaign_id, coalesce(message_provider, 'unknown'), status, coalesce(channel, 'unknown'), fallback, count(*)
from text_message_events where campaign_id is not null group by 1, 2, 3, 4, 5;
alter table campaign_counts add primary key (campaign_id, provider, status, channel, fallback);

-- Messages a dispatcher said it will try again (IN_PROGRESS with a next attempt), while they are: a message
-- joins when the announcement is projected and leaves when its status moves on. Usually empty; during an outage,
-- its size is what waits. text_message_events keeps next_attempt_at unindexed, so status updates stay HOT.
create table waiting_messages (
    message_id text primary key
);
insert into waiting_messages (message_id)
select message_id from text_message_events where status = 3 and next_attempt_at is not null;

-- A plan projected after its parent's erasure is redacted at once: looked up by parent for every planned batch.
create index erasure_request_parent on erasure_request (parent_id);
