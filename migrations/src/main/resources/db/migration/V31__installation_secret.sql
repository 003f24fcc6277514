-- Secrets an installation makes for itself once, shared by all its instances: the pupil reference key
-- when PUPIL_REFERENCE_KEY is not set (references must never change, so never a random key per process).
create table installation_secret (
    name        varchar(60)  not null constraint installation_secret_pk primary key,
    value       bytea        not null,
    created_at  timestamptz  not null default now(),
    constraint installation_secret_length_ck check (length(value) >= 32)
);
