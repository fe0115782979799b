-- A campaign's view lists the messages that failed (a missing variable): few or none, but finding
-- them scanned every message of the campaign on each call (180 ms at 137k messages). Only failed
-- messages are indexed.
create index campaign_message_failed on campaign_message (command_id, seq) where failure is not null;
