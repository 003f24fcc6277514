-- Web sessions live in PostgreSQL so they survive a restart and work across app instances.
-- The id column holds a SHA-256 of the session cookie, never the cookie itself.
create table web_session (
    id_hash      varchar(64)  constraint web_session_pk primary key,
    data         bytea        not null,
    expires_at   timestamptz  not null,
    version      integer      not null default 0
);
create index web_session_expires_ix on web_session (expires_at);

-- Fixed-window counters shared by every app instance: one row per bucket (what is limited and
-- for whom, e.g. 'sign-in:ip:203.0.113.9') and window.
create table rate_limit (
    bucket        varchar(200) not null,
    window_start  timestamptz  not null,
    hits          integer      not null default 0,
    constraint rate_limit_pk primary key (bucket, window_start),
    constraint rate_limit_hits_ck check (hits >= 0)
);
create index rate_limit_window_ix on rate_limit (window_start);

-- A worker claims a message until this time before sending it, so two instances never send
-- the same message at once; a crashed worker's claim simply runs out.
alter table outbox add column claimed_until timestamptz;
alter table outbox add column claimed_by varchar(100);

alter table app_user add column password_changed_at timestamptz;
