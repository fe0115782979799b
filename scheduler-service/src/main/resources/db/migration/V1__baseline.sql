-- scheduler-service: its own schema (scheduler); tables come with the service's features.
select 1;
