-- aircall-dispatcher: its own schema (aircall); tables come with the service's features.
select 1;
