-- spothit-dispatcher: its own schema (spothit); tables come with the service's features.
select 1;
