-- Single sign-on (issue 27): a person's account, once signed in with an identity provider, knows that
-- provider's unchanging id for them, so a later sign-in finds them even if their email address changes
-- and a reassigned address cannot take the account over.
create table sign_in_identity (
    issuer      varchar(300) not null,
    subject     varchar(255) not null,
    user_id     bigint       not null constraint sign_in_identity_user_fk references app_user (id) on delete cascade,
    created_at  timestamptz  not null default now(),
    constraint sign_in_identity_pk primary key (issuer, subject)
);
create index sign_in_identity_user_ix on sign_in_identity (user_id);

-- A hub may require its coordinators to sign in with their organisation's account: no password, no emailed link.
alter table hub add column coordinators_need_sso boolean not null default false;
