-- Open per-parent variables (ParentRecord.variables): one row per parent and name.
create table directory_parent_variable (
    parent_id text not null,
    name      text not null,
    value     text not null,
    primary key (parent_id, name)
);
-- "Is {NAME} declared?" at acceptance and the counts of GET /api/v1/variables read this index only.
create index directory_parent_variable_by_name on directory_parent_variable (name);

-- A message's values of per-parent variables, as {"NAME": "value", ...}; the built-in ones keep their columns.
alter table campaign_message add column v_custom jsonb;

-- What the reply must say about an acceptance ("appended {URL}"...), one notice a line.
alter table campaign add column notices text;

-- A command sent outside the sending window on purpose (MessageCommand.urgent); otherwise its due time was moved
-- to the next opening, and notices say from when to when.
alter table campaign add column urgent boolean not null default false;
