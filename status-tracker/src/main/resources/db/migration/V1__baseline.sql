-- status-tracker: its own schema (tracker); tables come with the service's features.
select 1;
