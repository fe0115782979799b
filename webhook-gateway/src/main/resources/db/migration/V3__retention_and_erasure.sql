-- Retention and erasure (docs/decisions/0021): a link remembers its message's parent, so an erasure can delete the
-- parent's links; links older than their retention stop redirecting and are deleted (BRIN: written in time order).
alter table tracked_link add column parent_id varchar(64);
create index tracked_link_age on tracked_link using brin (registered_at);
