-- Issue 20: who sent a campaign's command (a token's subject, a Kafka command's author, or 'kafka').
alter table campaign add column author text;
