-- Directory projection (missive.directory, or POST /api/v1/directory/import).
create table directory_parent (
    id             text primary key,
    phone          text,
    first_name     text,
    security_token text,
    address        text,
    supporter_id   text
);
create table directory_parent_tag (
    parent_id text not null,
    tag_id    text not null,
    primary key (parent_id, tag_id)
);
create index directory_parent_tag_by_tag on directory_parent_tag (tag_id, parent_id);
create table directory_child (
    id         text primary key,
    first_name text,
    parent_id  text,
    group_id   text
);
create index directory_child_by_parent on directory_child (parent_id);
create index directory_child_by_group on directory_child (group_id);
create table directory_group (
    id     text primary key,
    name   text,
    status text not null
);
create table directory_supporter (
    id                text primary key,
    first_name        text,
    aircall_number    text,
    aircall_number_id text
);
create table directory_tag (
    id   text primary key,
    name text
);
create table directory_redirection (
    id   text primary key,
    url  text not null,
    name text
);

-- Projection of missive.optouts (key phone, E.164).
create table opt_out (
    phone       text primary key,
    recorded_at timestamptz not null default now()
);

-- Accepted commands. published_seq is the durable cursor: every message with seq <= it was acked by the broker.
create table campaign (
    command_id              text primary key,
    state                   text        not null,
    provider                text        not null,
    template                text        not null,
    due_at                  timestamptz not null,
    accepted_at             timestamptz not null,
    recipient_count         int         not null,
    failed_count            int         not null,
    dropped_count           int         not null,
    published_seq           int         not null default 0,
    announced               boolean     not null default false,
    cancel_announced        boolean     not null default true,
    lease_owner             text,
    lease_until             timestamptz,
    attachment_file_name    text,
    attachment_content_type text,
    attachment_url          text,
    redirection_target_id   text,
    redirection_url         text,
    quit_message            boolean     not null default false,
    workshop_id             text,
    supporter_id            text,
    aircall_number_id       text,
    purpose                 text,
    published_at            timestamptz,
    cancelled_at            timestamptz,
    cancel_reason           text
);
-- The due-queue scans only campaigns with work left.
create index campaign_with_work on campaign (due_at)
    where state = 'PLANNED' or not announced or not cancel_announced;

-- One row per message, written once at acceptance (bulk), never updated: the cursor moves instead.
create table campaign_message (
    command_id                     text not null,
    seq                            int  not null,
    message_id                     text not null,
    recipient_key                  text not null,
    parent_id                      text,
    child_id                       text,
    phone                          text not null,
    supporter_id                   text,
    body                           text not null,
    segments                       int  not null,
    encoding                       text not null,
    link_code                      text,
    v_prenom_enfant                text,
    v_url                          text,
    v_prenom_accompagnante         text,
    v_numero_aircall_accompagnante text,
    v_parent_security_token        text,
    v_parent_address               text,
    failure                        text,
    primary key (command_id, seq)
);

create table campaign_drop (
    command_id text not null,
    position   int  not null,
    recipient  text not null,
    reason     text not null,
    primary key (command_id, position)
);
