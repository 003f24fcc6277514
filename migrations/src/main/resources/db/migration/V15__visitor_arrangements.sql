-- What a volunteer needs to arrive: each school's arrangements for visitors, an employer's site for
-- workplace visits, and what a school wants the volunteer (not the coordinator) to know.

-- A table of its own rather than columns on school: school rows come from the public register
-- (seeded, copied between hubs), while these are what a careers leader types. A school without a
-- row has said nothing yet, and pages show its name and postcode and the usual session times.
create table school_visitor_arrangements (
    school_id       bigint        not null
                                  constraint school_visitor_arrangements_pk primary key
                                  constraint school_visitor_arrangements_school_fk references school (id) on delete cascade,
    -- several lines, as written on an envelope
    visitor_address varchar(500),
    meeting_point   varchar(300),
    parking         varchar(500),
    sign_in_rules   varchar(500),
    contact_name    varchar(200),
    contact_phone   varchar(30),
    -- the school's usual session times, which every booking's arrival time is worked out from
    morning_start   time          not null,
    morning_end     time          not null,
    afternoon_start time          not null,
    afternoon_end   time          not null,
    updated_at      timestamptz   not null default now(),
    constraint school_visitor_arrangements_morning_ck check (morning_start < morning_end),
    constraint school_visitor_arrangements_afternoon_ck check (afternoon_start < afternoon_end)
);

-- Where pupils go for a workplace visit, whom they ask for, and how to get in.
alter table employer add column site_address varchar(500);
alter table employer add column site_contact_name varchar(200);
alter table employer add column site_contact_phone varchar(30);
alter table employer add column arrival_instructions varchar(1000);

-- request.notes is for the coordinator; this is what the school writes for the volunteer.
alter table request add column notes_for_volunteer varchar(1000);

/* [jooq ignore start] */
-- A phone number as people write it: digits and spaces, an optional leading +.
alter table school_visitor_arrangements add constraint school_visitor_arrangements_phone_ck
    check (contact_phone ~ '^\+?[0-9 ]+$');
alter table employer add constraint employer_site_contact_phone_ck
    check (site_contact_phone ~ '^\+?[0-9 ]+$');
/* [jooq ignore stop] */
