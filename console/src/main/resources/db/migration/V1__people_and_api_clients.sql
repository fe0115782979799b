-- People who sign in to the console. The e-mail is kept lower-case; the hash carries its
-- algorithm's id ({bcrypt}, {argon2}…) for DelegatingPasswordEncoder.
create table people (
    email           text primary key,
    password_hash   text        not null,
    role            text        not null check (role in ('STAFF', 'ADMIN')),
    failed_attempts integer     not null default 0,
    locked_until    timestamptz,
    created_at      timestamptz not null default now(),
    created_by      text        not null
);

-- Machines: an API key is a client id and a secret (its hash only), OAuth2 client credentials.
create table api_clients (
    client_id    text primary key,
    name         text        not null,
    secret_hash  text        not null,
    scopes       text        not null, -- space-separated, as in OAuth2
    expires_at   timestamptz,
    revoked_at   timestamptz,
    last_used_at timestamptz,
    created_at   timestamptz not null default now(),
    created_by   text        not null
);
