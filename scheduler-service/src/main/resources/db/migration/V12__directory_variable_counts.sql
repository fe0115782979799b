-- How many parents have a value for each per-parent variable: the palette of Compose (GET /api/v1/variables).
-- Counting directory_parent_variable on each request took ~150 ms at a million parents; statement-level
-- triggers keep the counts in the same transaction as every write (import, directory topic, erasure),
-- so the read is a few rows and the counts are exact.
create table directory_variable_count (
    name    text   primary key,
    parents bigint not null
);
insert into directory_variable_count (name, parents)
select name, count(*) from directory_parent_variable group by name;

create function directory_variable_counted() returns trigger language plpgsql as $$
begin
    if tg_op in ('DELETE', 'UPDATE') then
        update directory_variable_count c set parents = c.parents - gone.n
        from (select name, count(*) as n from old_rows group by name) gone
        where c.name = gone.name;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into directory_variable_count (name, parents)
        select name, count(*) from new_rows group by name order by name
        on conflict (name) do update set parents = directory_variable_count.parents + excluded.parents;
    end if;
    return null;
end
$$;

create trigger directory_variable_inserted after insert on directory_parent_variable
    referencing new table as new_rows for each statement execute function directory_variable_counted();
create trigger directory_variable_deleted after delete on directory_parent_variable
    referencing old table as old_rows for each statement execute function directory_variable_counted();
create trigger directory_variable_updated after update on directory_parent_variable
    referencing old table as old_rows new table as new_rows for each statement execute function directory_variable_counted();
