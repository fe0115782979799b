-- The phones of erased parents, as their hash (io.missive.schemas.erasure.ErasedPhones): a request for one of them
-- that reaches the dispatcher after its erasure is failed ERASED, not sent. Kept as long as the dedupe keys.
create table erased_phones (
    phone_hash text        primary key,
    erased_at  timestamptz not null default now()
);
