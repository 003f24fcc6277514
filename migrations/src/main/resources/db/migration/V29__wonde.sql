-- A school linked to Wonde, which reads its management information system for the apps the school
-- grants: the school's Wonde id, a claim so one app instance pulls it at a time, and the last
-- pull's outcome for the pupils page. Refusals name a pupil by Wonde's own id and say why; no
-- name, date of birth or UPN is ever kept here.
create table wonde_link (
    school_id        bigint       not null constraint wonde_link_pk primary key
                                  constraint wonde_link_school_fk references school (id) on delete cascade,
    wonde_school_id  varchar(40)  not null,
    -- an instance pulling the school holds it until then; a crashed pull's claim simply runs out
    claimed_until    timestamptz,
    -- the last attempt, whether it worked or not
    attempted_at     timestamptz,
    failure          varchar(300),
    -- the last pull that changed the roll
    pulled_at        timestamptz,
    added            integer      not null default 0,
    updated          integer      not null default 0,
    archived         integer      not null default 0,
    refused          integer      not null default 0,
    constraint wonde_link_school_id_ck check (length(wonde_school_id) between 1 and 40)
);

-- The last pull's refused rows (the first hundred), replaced by each pull.
create table wonde_refusal (
    school_id  bigint       not null constraint wonde_refusal_link_fk references wonde_link (school_id) on delete cascade,
    position   integer      not null,
    wonde_id   varchar(40)  not null,
    reason     varchar(200) not null,
    constraint wonde_refusal_pk primary key (school_id, position)
);
