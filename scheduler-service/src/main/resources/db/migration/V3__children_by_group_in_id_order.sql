-- Large groups are expanded a page at a time, by child id in code-point order (collate "C", as Java
-- compares the ids of a small group): this index serves those range scans as well as lookups by group.
create index directory_child_by_group_and_id on directory_child (group_id, id collate "C");
drop index directory_child_by_group;
