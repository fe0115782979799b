-- The send guard (issue 18, decision 0110): what it found, and the lists it reads.

-- One row per command the guard found something in: pending (held, waiting for an admin), relaunched, dismissed,
-- or not_blocked (a check in monitor mode found something; the command was sent). The command is the JSON of the
-- record acceptance took, so a relaunch replays it exactly.
create table guard_attempt (
    id          bigint generated always as identity primary key,
    command_id  text        not null,
    channel     text        not null,
    status      text        not null check (status in ('pending', 'relaunched', 'dismissed', 'not_blocked')),
    checks      text[]      not null,
    blocking    text[]      not null,
    findings    jsonb       not null,
    overflow    int         not null default 0,
    command     jsonb       not null,
    author      text,
    created_at  timestamptz not null,
    decided_by  text,
    decided_at  timestamptz
);

-- A command held again while its attempt is pending (Kafka redelivery, a client's retry) is the same attempt.
create unique index guard_attempt_pending_command on guard_attempt (command_id) where status = 'pending';
create index guard_attempt_by_status on guard_attempt (status, id desc);

create table guard_list_entry (
    id          bigint generated always as identity primary key,
    list        text        not null check (list in ('allowed', 'blocked')),
    kind        text        not null check (kind in ('url', 'phone', 'keyword')),
    by_domain   boolean     not null default false,
    value       text        not null,
    created_by  text,
    created_at  timestamptz not null default now(),
    unique (list, kind, by_domain, value)
);

-- A starting block-list: words of SMS spam and of the phishing French families receive. Data, edited through
-- /api/v1/guard/blocked.
insert into guard_list_entry (list, kind, value, created_by) values
    ('blocked', 'keyword', 'viagra', 'migration'),
    ('blocked', 'keyword', 'cialis', 'migration'),
    ('blocked', 'keyword', 'casino', 'migration'),
    ('blocked', 'keyword', 'paris sportifs', 'migration'),
    ('blocked', 'keyword', 'bitcoin', 'migration'),
    ('blocked', 'keyword', 'crypto', 'migration'),
    ('blocked', 'keyword', 'mot de passe', 'migration'),
    ('blocked', 'keyword', 'code confidentiel', 'migration'),
    ('blocked', 'keyword', 'carte bancaire', 'migration'),
    ('blocked', 'keyword', 'coordonnées bancaires', 'migration'),
    ('blocked', 'keyword', 'colis en attente', 'migration'),
    ('blocked', 'keyword', 'frais de livraison', 'migration'),
    ('blocked', 'keyword', 'compte bloqué', 'migration'),
    ('blocked', 'keyword', 'compte suspendu', 'migration'),
    ('blocked', 'keyword', 'vous avez gagné', 'migration'),
    ('blocked', 'keyword', 'loterie', 'migration');
