-- Issue 19: the channel a command asks of the SpotHit dispatcher (AUTO, SMS, RCS) and a SpotHit media id for RCS rich,
-- kept with the campaign so that MessageRequested, published when due, carries them.
alter table campaign
    add column channel  text not null default 'AUTO',
    add column media_id text;
