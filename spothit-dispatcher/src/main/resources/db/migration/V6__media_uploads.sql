-- Issue 17: SpotHit sends an uploaded file, named by the media id its upload answered. One row per content
-- (SHA-256 of the bytes): a file is uploaded once, whatever the number of calls, campaigns or redeliveries.
create table spothit_media (
    sha256       text primary key,
    media_id     text        not null,
    content_type text        not null,
    size_bytes   integer     not null,
    uploaded_at  timestamptz not null default now()
);

-- Which content a campaign's attachment URL turned out to hold: the next call of the campaign neither fetches nor uploads.
create table campaign_attachment (
    campaign_id text        not null,
    url         text        not null,
    sha256      text        not null references spothit_media (sha256),
    fetched_at  timestamptz not null default now(),
    primary key (campaign_id, url)
);
