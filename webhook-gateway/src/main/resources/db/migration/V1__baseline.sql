-- webhook-gateway: its own schema (gateway); tables come with the service's features.
select 1;
