-- Issue 20: every audited act, as the services recorded it on missive.audit. Append-only: no API edits or
-- deletes an entry, and the table itself refuses UPDATE and DELETE, so a bug or a stray query cannot either.
create table audit_log (
    event_id    text        primary key,
    actor       text        not null,
    act         text        not null,
    target      text        not null,
    details     jsonb       not null default '{}'::jsonb,
    at          timestamptz not null,
    from_addr   text        not null,
    service     text        not null default '',
    recorded_at timestamptz not null default now()
);

create index audit_log_at on audit_log (at desc, event_id);
create index audit_log_actor_at on audit_log (actor, at desc);
create index audit_log_act_at on audit_log (act, at desc);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function audit_log_is_append_only();
