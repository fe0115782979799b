-- The console's recipient pickers (issue 21, GET /api/v1/directory/search): groups, tags, parents and children found by
-- name, case and accents aside, fast with a million parents.

-- One folding for the indexes and the queries: accented Latin letters to their base letter, then lower case. Accents
-- go first so that lower() only meets ASCII and folds the same under any database locale.
create function directory_fold(name text) returns text
    language sql immutable parallel safe
    return replace(replace(replace(lower(translate(name,
        'ÀÁÂÃÄÅĀĂĄàáâãäåāăąÇĆČçćčĎďÈÉÊËĒĖĘĚèéêëēėęěÌÍÎÏĪìíîïīŁłÑŃŇñńňÒÓÔÕÖØŌòóôõöøōŘřŚŠŞśšşŤťÙÚÛÜŪŮùúûüūůÝŸýÿŹŻŽźżž',
        'AAAAAAAAAaaaaaaaaaCCCcccDdEEEEEEEEeeeeeeeeIIIIIiiiiiLlNNNnnnOOOOOOOoooooooRrSSSsssTtUUUUUUuuuuuuYYyyZZZzzz')),
        'œ', 'oe'), 'æ', 'ae'), 'ß', 'ss');

-- Prefix matches, in name order: a range scan of a b-tree in code-point order (collate "C"), with or without a plan cached.
create index directory_parent_by_name on directory_parent ((directory_fold(first_name)) collate "C", id);
create index directory_child_by_name on directory_child ((directory_fold(first_name)) collate "C", id);
create index directory_group_by_name on directory_group ((directory_fold(name)) collate "C", id);
create index directory_tag_by_name on directory_tag ((directory_fold(name)) collate "C", id);

-- Matches inside a name ("ari" finds Marie): trigram indexes. pg_trgm is a trusted extension (a database owner may add
-- it); where it already lives in another schema, its operator class is named there.
create extension if not exists pg_trgm;
do $$
declare
    trgm text := (select n.nspname from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm');
begin
    execute format('create index directory_parent_by_name_part on directory_parent using gin (directory_fold(first_name) %I.gin_trgm_ops)', trgm);
    execute format('create index directory_child_by_name_part on directory_child using gin (directory_fold(first_name) %I.gin_trgm_ops)', trgm);
    execute format('create index directory_group_by_name_part on directory_group using gin (directory_fold(name) %I.gin_trgm_ops)', trgm);
    execute format('create index directory_tag_by_name_part on directory_tag using gin (directory_fold(name) %I.gin_trgm_ops)', trgm);
end
$$;
