-- As in the programme's application: a staff member may send through an Aircall number of their own, the default of
-- Compose's Aircall number (issue 21). Set by an admin on the Users page; null when they have none.
alter table people add column aircall_number_id text;
